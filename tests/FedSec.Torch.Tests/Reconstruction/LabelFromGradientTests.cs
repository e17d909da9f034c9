using FedSec.Torch.Reconstruction;

namespace FedSec.Torch.Tests.Reconstruction;

public class LabelFromGradientTests
{
    [Fact]
    public void Infer_LastWeightRowsOfPMinusOneHotTimesPositiveInput_ReturnsTrueClass()
    {
        // 3 classes, 2 inputs h = (0.5, 2); p = (0.2, 0.5, 0.3), true class 1: rows (pᵢ − [i = 1])·h.
        float[] weight = [0.1f, 0.4f, -0.25f, -1f, 0.15f, 0.6f];
        float[] bias = [0.2f, -0.5f, 0.3f];
        var label = LabelFromGradient.Infer([new float[4], weight, bias], [[4], [3, 2], [3]], 3);
        Assert.Equal(1, label);
    }

    [Fact]
    public void Infer_WeightProtected_FallsBackToBias()
    {
        float[] bias = [0.2f, 0.3f, -0.5f];
        Assert.Equal(2, LabelFromGradient.Infer([null, bias], [[3, 2], [3]], 3));
    }

    [Fact]
    public void Infer_NoClassifierVisible_ThrowsNamingProtectedLayers()
    {
        var e = Assert.Throws<InvalidOperationException>(() => LabelFromGradient.Infer([null, null], [[3, 2], [3]], 3));
        Assert.Contains("protected_layers", e.Message, StringComparison.Ordinal);
    }
}
