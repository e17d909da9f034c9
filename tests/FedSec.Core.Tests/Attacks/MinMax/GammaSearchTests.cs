using FedSec.Attacks.MinMax;

namespace FedSec.Core.Tests.Attacks.MinMax;

public class GammaSearchTests
{
    [Theory]
    [InlineData(3.7)]
    [InlineData(0.001)]
    [InlineData(19.99)]
    [InlineData(10.0)]
    public void Largest_StepFeasibility_WithinOneToleranceBelowBoundary(double boundary)
    {
        const double tol = 1e-5;
        double gamma = GammaSearch.Largest(g => g <= boundary, 10, tol);
        Assert.True(gamma <= boundary, $"γ = {gamma} is infeasible");
        Assert.True(boundary - gamma <= tol, $"γ = {gamma} is more than {tol} below {boundary}");
    }

    [Fact]
    public void Largest_EverythingFeasible_ReturnsTwiceInit()
    {
        Assert.Equal(20.0, GammaSearch.Largest(_ => true, 10, 1e-5));
    }

    [Fact]
    public void Largest_FirstProbeIsInitThenHalvesStep()
    {
        var probes = new List<double>();
        GammaSearch.Largest(g => { probes.Add(g); return g <= 12; }, 10, 1e-5);

        // After the 2·γ_init check: γ_init, then γ_init ± γ_init/2, as in the paper.
        Assert.Equal(new[] { 20.0, 10.0, 15.0, 12.5, 11.25 }, probes.Take(5));
    }
}
