using FedSec.Parameters;
using FedSec.Torch.Reconstruction;

namespace FedSec.Torch.Tests.Reconstruction;

public class ObservedGradientTests
{
    private static readonly ParameterLayout Layout = new([
        ("w", new long[] { 2 }, ParameterKind.Trainable),
        ("b", new long[] { 1 }, ParameterKind.Trainable),
        ("running", new long[] { 1 }, ParameterKind.Buffer),
    ]);

    [Fact]
    public void Compute_TwoStepsWithWeightDecay_IsDifferenceOverEtaStepsMinusDecayTerm()
    {
        // G = (1, 2, 3 | 9), w = (0.8, 2.4, 3 | 5), η = 0.1, 2 steps, λ = 0.5:
        // g = (G − w)/(0.2) − 0.5·G = (1 − 0.5, −2 − 1, 0 − 1.5).
        float[] global = [1f, 2f, 3f, 9f];
        float[] local = [0.8f, 2.4f, 3f, 5f];
        var g = ObservedGradient.Compute(global, local, Layout, 0.1, 2, 0.5, new HashSet<int>());
        Assert.Equal(2, g.Length);
        Assert.Equal(0.5, g[0]![0], 4);
        Assert.Equal(-3.0, g[0]![1], 4);
        Assert.Equal(-1.5, g[1]![0], 4);
    }

    [Fact]
    public void Compute_ProtectedTensor_IsHidden()
    {
        var g = ObservedGradient.Compute([1f, 2f, 3f, 0f], [1f, 2f, 2f, 0f], Layout, 1, 1, 0, new HashSet<int> { 0 });
        Assert.Null(g[0]);
        Assert.Equal(new[] { 1f }, g[1]!);
    }
}
