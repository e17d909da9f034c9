using FedSec.Language.Training;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Language;

public sealed class CausalLmLossTests
{
    [Fact]
    public void Mean_PredictsEachNextToken_LastPositionUnused()
    {
        // Position 0: logits (0, ln 3) → p(1) = 3/4, next token 1; position 1: (0, 0) → p(0) = 1/2, next token 0; position 2 predicts nothing.
        using var logits = tensor(new float[] { 0, (float)Math.Log(3), 0, 0, 9, -9 }, [1, 3, 2]);
        using var tokens = tensor(new long[] { 0, 1, 0 }, [1, 3]);

        using var loss = CausalLmLoss.Mean(logits, tokens);

        Assert.Equal((-Math.Log(0.75) + Math.Log(2)) / 2, loss.item<float>(), 5);
        Assert.Equal(-Math.Log(0.75) + Math.Log(2), CausalLmLoss.Sum(logits, tokens).Sum, 5);
        Assert.Equal(2, CausalLmLoss.Sum(logits, tokens).Count);
    }
}
