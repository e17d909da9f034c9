using FedSec.Privacy.Accounting;

namespace FedSec.Privacy.Tests.Accounting;

public class NoiseMultiplierSearchTests
{
    [Theory]
    // Opacus, opacus/tests/accountants_test.py: test_get_noise_multiplier_rdp_epochs (epsilon 8, delta 1e-5, sample
    // rate 0.04, 90 epochs = int(90 / 0.04) = 2250 steps -> 1.416, 4 places) and test_get_noise_multiplier_rdp_steps
    // (2000 steps -> 1.3562, 4 places); Opacus's default orders and tolerance 0.01.
    [InlineData(2250, 1.416)]
    [InlineData(2000, 1.3562)]
    public void For_OpacusTests_MatchPublishedNoiseMultiplier(long steps, double expected)
    {
        double z = NoiseMultiplierSearch.For(8, 1e-5, 0.04, steps, PublishedOrders.Opacus);
        Assert.Equal(expected, z, 4);
    }

    [Fact]
    public void For_AnyBudget_ResultMeetsItWithinTheTolerance()
    {
        double z = NoiseMultiplierSearch.For(2.0, 1e-5, 0.1, 100);
        double eps = RdpAccountant.EpsilonAfter(z, 0.1, 100, 1e-5).Epsilon;
        Assert.InRange(eps, 2.0 - NoiseMultiplierSearch.DefaultTolerance, 2.0);
    }

    [Fact]
    public void For_EpsilonBelowWhatTheOrdersCanCertify_SaysSo()
    {
        var e = Assert.Throws<PrivacyBudgetException>(() => NoiseMultiplierSearch.For(0.01, 1e-5, 0.1, 10));
        Assert.Contains("smallest ε that can be certified", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_BudgetNeedingNoiseAboveTheMaximum_SaysSo()
    {
        // Full participation for a billion steps: epsilon 0.1 would need z far above 1e6.
        var e = Assert.Throws<PrivacyBudgetException>(() => NoiseMultiplierSearch.For(0.1, 1e-5, 1.0, 1_000_000_000_000_000));
        Assert.Contains("No noise multiplier up to", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    public void For_BadEpsilon_ThrowsNamingIt(double epsilon)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NoiseMultiplierSearch.For(epsilon, 1e-5, 0.1, 10));
        Assert.Equal("targetEpsilon", e.ParamName);
    }
}
