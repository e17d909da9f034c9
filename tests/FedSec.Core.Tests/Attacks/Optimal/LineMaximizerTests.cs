using FedSec.Attacks.Optimal;

namespace FedSec.Core.Tests.Attacks.Optimal;

public class LineMaximizerTests
{
    [Fact]
    public void Maximize_Parabola_HandTracedSearchFindsThePeakInTheBudget()
    {
        // −(x − 3)²: x = 0 (−9), expansion 1 (−4, δ → 2), 3 (0, δ → 4), 7 (−16: δ → 3.2, contraction);
        // contraction probes 3.8, 1.24, 3.288, … none better than 3. Exactly 16 evaluations.
        int calls = 0;
        var (x, y) = LineMaximizer.Maximize(v => { calls++; return -((v - 3) * (v - 3)); }, 16, 0, 1, 0.8);
        Assert.Equal(3.0, x);
        Assert.Equal(0.0, y);
        Assert.Equal(16, calls);
    }

    [Fact]
    public void Maximize_Increasing_ExpandsThroughTheWholeBudget()
    {
        // Every expansion succeeds: x = 1 + 2 + 4 + … + 2¹⁴ = 2¹⁵ − 1 after 16 evaluations.
        Assert.Equal(32767.0, LineMaximizer.Maximize(v => v, 16, 0, 1, 0.8).X);
    }

    [Fact]
    public void Maximize_Decreasing_StaysAtTheStartAndNeverGoesNegative()
    {
        var probes = new List<double>();
        var (x, _) = LineMaximizer.Maximize(v => { probes.Add(v); return -v; }, 8, 0, 1, 0.8);
        Assert.Equal(0.0, x);
        Assert.All(probes, p => Assert.True(p >= 0));
        Assert.Equal(8, probes.Count);
    }
}
