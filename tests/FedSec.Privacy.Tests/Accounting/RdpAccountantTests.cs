using FedSec.Privacy.Accounting;

namespace FedSec.Privacy.Tests.Accounting;

public class RdpAccountantTests
{
    [Fact]
    public void Epsilon_OpacusAccountantTest_MatchesPublishedValue()
    {
        // Opacus, opacus/tests/accountants_test.py, AccountingTest.test_rdp_accountant: noise 1.5, sample rate 0.04,
        // int(90 / 0.04) = 2250 steps, delta 1e-5, Opacus's default orders: epsilon 7.32911117143 (assertAlmostEqual, 7 places).
        var accountant = new RdpAccountant(PublishedOrders.Opacus);
        for (int i = 0; i < 2250; i++)
        {
            accountant.Step(1.5, 0.04);
        }

        Assert.Equal(7.32911117143, accountant.Epsilon(1e-5).Epsilon, 7);
    }

    [Fact]
    public void Epsilon_NegligibleRdpAtLargeDelta_IsZeroNotNegative()
    {
        // At α = 2 and δ = 0.5 the bound is RDP − (ln 0.5 + ln 2) + ln(1/2) ≈ −0.69 for RDP ≈ 0.
        Assert.Equal(0, RdpConversion.Epsilon([2.0], [1e-12], 0.5).Epsilon);
        Assert.Equal(0, RdpAccountant.EpsilonAfter(1000, 0.01, 1, 0.5).Epsilon);
    }

    [Fact]
    public void Epsilon_OpacusDocstringExample_MatchesPublishedValueAndOrder()
    {
        // Opacus, opacus/accountants/analysis/rdp.py, module docstring: parameters [(1e-5, 1.0, 10), (1e-4, 3.0, 4)],
        // orders 2..32, delta 1e-5 -> (0.336, 23) (doctest with NUMBER: three decimals).
        var accountant = new RdpAccountant(Enumerable.Range(2, 31).Select(i => (double)i).ToArray());
        accountant.Step(1.0, 1e-5, 10);
        accountant.Step(3.0, 1e-4, 4);
        var spent = accountant.Epsilon(1e-5);
        Assert.Equal(0.336, spent.Epsilon, 3);
        Assert.Equal(23, spent.Order);
    }

    [Theory]
    // TF Privacy, tensorflow_privacy/privacy/analysis/compute_dp_sgd_privacy_test.py, test_compute_dp_sgd_privacy
    // (Test0, Test1): n, batch size, noise, epochs, delta -> epsilon, order; q = batch/n, steps = ceil(epochs·n/batch).
    [InlineData(60000, 150, 1.3, 15, 1e-5, 0.7242234026109595, 19.0)]
    [InlineData(100000, 100, 1.0, 30, 1e-7, 1.4154988495444842, 13.0)]
    public void Epsilon_TfPrivacyDpSgdTest_MatchesPublishedValueAndOrder(int n, int batch, double z, int epochs, double delta, double epsilon, double order)
    {
        long steps = (long)Math.Ceiling((double)epochs * n / batch);
        var spent = RdpAccountant.EpsilonAfter(z, (double)batch / n, steps, delta, PublishedOrders.TfPrivacy);
        Assert.Equal(epsilon, spent.Epsilon, 7);
        Assert.Equal(order, spent.Order);
    }

    [Fact]
    public void Epsilon_TfPrivacyTinyNoiseTest_MatchesPublishedValueAtFractionalOrder()
    {
        // TF Privacy, compute_dp_sgd_privacy_test.py, Test2: n = 1e8, batch 1024, noise 0.1, 10 epochs, delta 1e-7 ->
        // epsilon 5907982.3113984 at order 1.25 (a fractional order: the two-sided series with log erfc far in its tail).
        // Checked to 1e-9 relative: the value has 14 significant digits and the last ones depend on rounding order.
        long steps = (long)Math.Ceiling(10.0 * 100_000_000 / 1024);
        var spent = RdpAccountant.EpsilonAfter(0.1, 1024.0 / 100_000_000, steps, 1e-7, PublishedOrders.TfPrivacy);
        Assert.Equal(5907982.3113984, spent.Epsilon, 5907982.3113984 * 1e-9);
        Assert.Equal(1.25, spent.Order);
    }

    [Fact]
    public void Epsilon_NoStep_IsZero()
    {
        Assert.Equal(0, new RdpAccountant().Epsilon(1e-5).Epsilon);
    }

    [Fact]
    public void Step_TenThousandSingleStepsOrOneBatch_SameEpsilon()
    {
        var one = new RdpAccountant();
        for (int i = 0; i < 10_000; i++)
        {
            one.Step(1.1, 0.01);
        }

        var batch = new RdpAccountant();
        batch.Step(1.1, 0.01, 10_000);
        Assert.Equal(batch.Epsilon(1e-5).Epsilon, one.Epsilon(1e-5).Epsilon, 9);
        Assert.Equal(10_000, one.Steps);
    }

    [Fact]
    public void Epsilon_MoreSteps_Grows()
    {
        double e1 = RdpAccountant.EpsilonAfter(1.0, 0.1, 100, 1e-5).Epsilon;
        double e2 = RdpAccountant.EpsilonAfter(1.0, 0.1, 200, 1e-5).Epsilon;
        Assert.True(e2 > e1, $"{e2} should exceed {e1}");
    }

    [Fact]
    public void Epsilon_MoreNoise_Shrinks()
    {
        double e1 = RdpAccountant.EpsilonAfter(1.0, 0.1, 100, 1e-5).Epsilon;
        double e2 = RdpAccountant.EpsilonAfter(2.0, 0.1, 100, 1e-5).Epsilon;
        Assert.True(e2 < e1, $"{e2} should be below {e1}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Step_BadNoiseMultiplier_ThrowsNamingIt(double z)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RdpAccountant().Step(z, 0.1));
        Assert.Equal("noiseMultiplier", e.ParamName);
        Assert.Contains("noise multiplier", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.0000001)]
    [InlineData(double.NaN)]
    public void Step_SampleRateOutsideZeroOne_ThrowsNamingIt(double q)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RdpAccountant().Step(1.0, q));
        Assert.Equal("sampleRate", e.ParamName);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    public void Epsilon_DeltaOutsideZeroOne_ThrowsNamingIt(double delta)
    {
        var accountant = new RdpAccountant();
        accountant.Step(1.0, 0.1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => accountant.Epsilon(delta));
        Assert.Equal("delta", e.ParamName);
    }
}
