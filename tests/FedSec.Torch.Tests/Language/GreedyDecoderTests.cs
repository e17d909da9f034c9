using FedSec.Data.Text;
using FedSec.Language.Training;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Language;

public sealed class GreedyDecoderTests
{
    [Fact]
    public void Continue_HeadFixedOnOneToken_AppendsThatToken()
    {
        // The final layer norm outputs all ones (weight 0, bias 1), so the logits are embed_out's row sums: row 7 sums to
        // 8, every other row to 0, whatever the input.
        using var model = TinyGptNeoX.Create();
        using (no_grad())
        {
            var p = model.named_parameters().ToDictionary(x => x.name, x => x.parameter);
            p["gpt_neox.final_layer_norm.weight"].zero_();
            p["gpt_neox.final_layer_norm.bias"].fill_(1);
            p["embed_out.weight"].zero_();
            p["embed_out.weight"][7].fill_(1);
        }

        var continuations = GreedyDecoder.Continue(model, [[1, 2], [3, 4, 5, 6]], 3, batchSize: 4);

        Assert.Equal(new[] { new[] { 7, 7, 7 }, [7, 7, 7] }, continuations);
    }

    [Fact]
    public void Continue_AllLogitsEqual_LowestId()
    {
        using var model = TinyGptNeoX.Create();
        using (no_grad())
        {
            model.named_parameters().First(p => p.name == "embed_out.weight").parameter.zero_();
        }

        Assert.Equal(new[] { new[] { 0, 0 } }, GreedyDecoder.Continue(model, [[5]], 2, batchSize: 1));
    }

    [Fact]
    public void Continue_ModelThatMemorisedCounting_ContinuesTheCountWhateverTheBatching()
    {
        using var model = TinyGptNeoX.Create();
        var counting = new TokenSequenceSet(Enumerable.Range(0, 8).SelectMany(_ => Enumerable.Range(1, 8)).ToArray(), new int[8], 8, 11, ["g"]);
        CausalLmTrainer.Train(model, counting, new CausalLmSettings(150, 4, LearningRate: 1e-2), new Random(1), 1);
        int[][] prompts = [[1, 2], [3, 4, 5], [2, 3]];

        var together = GreedyDecoder.Continue(model, prompts, 3, batchSize: 8);
        var alone = prompts.Select(p => GreedyDecoder.Continue(model, [p], 3, batchSize: 1)[0]).ToArray();

        Assert.Equal(new[] { new[] { 3, 4, 5 }, [6, 7, 8], [4, 5, 6] }, together);
        Assert.Equal(together, alone);
    }

    [Fact]
    public void Continue_BeyondTheModelsPositions_Throws()
    {
        using var model = TinyGptNeoX.Create();

        var e = Assert.Throws<ArgumentException>(() => GreedyDecoder.Continue(model, [new int[15]], 3, batchSize: 1));

        Assert.Contains("needs 17 positions; the model has 16", e.Message, StringComparison.Ordinal);
    }
}
