using FedSec.Language.Lora;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Language;

public sealed class AdaptableLinearTests
{
    [Fact]
    public void Forward_RankTwoAlphaFour_AddsBAxScaledByAlphaOverRank()
    {
        // W = [1, 2], b = 0.5, A = I₂, B = [3, −1], α = 4, r = 2 (scale 2), no dropout. For x = (1, 1):
        // Wx + b = 3.5, BAx = 3 − 1 = 2, so 3.5 + 2·2 = 7.5; the merged weight is W + 2·BA = [7, 0].
        using var layer = new AdaptableLinear(2, 1, hasBias: true);
        using (no_grad())
        {
            layer.Weight.copy_(tensor(new float[] { 1, 2 }, [1, 2]));
            layer.Bias!.copy_(tensor(new float[] { 0.5f }));
        }

        layer.AttachAdapter(rank: 2, alpha: 4, dropout: 0, generator: null);
        var (a, b) = layer.Adapter!.Value;
        using (no_grad())
        {
            a.copy_(eye(2));
            b.copy_(tensor(new float[] { 3, -1 }, [1, 2]));
        }

        layer.eval();
        using var x = tensor(new float[] { 1, 1 }, [1, 2]);
        using var y = layer.forward(x);
        using var merged = layer.MergedWeight();

        Assert.Equal(2.0, layer.Scale);
        Assert.Equal(7.5f, y.item<float>(), 6);
        Assert.Equal([7f, 0f], merged.data<float>().ToArray());
    }
}
