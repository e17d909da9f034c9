using FedSec.Privacy.Accounting;

namespace FedSec.Privacy.Tests.Accounting;

public class SampledGaussianRdpTests
{
    [Fact]
    public void Rdp_FullSampling_IsTheGaussianMechanismsAlphaOverTwoZSquared()
    {
        // Mironov 2017, Proposition 7: the Gaussian mechanism with sensitivity 1 and sigma z is (alpha, alpha/(2 z^2))-RDP.
        Assert.Equal(3.0 / (2 * 0.8 * 0.8), SampledGaussianRdp.Rdp(1.0, 0.8, 3.0), 12);
    }

    [Fact]
    public void Rdp_IntegerOrderTwo_MatchesTheClosedForm()
    {
        // alpha = 2: A_2 = (1-q)^2 + 2q(1-q) + q^2 e^{1/z^2} = 1 + q^2 (e^{1/z^2} - 1); RDP = log A_2.
        double q = 0.05, z = 1.3;
        double expected = Math.Log(1 + (q * q * (Math.Exp(1 / (z * z)) - 1)));
        Assert.Equal(expected, SampledGaussianRdp.Rdp(q, z, 2.0), 14);
    }

    [Fact]
    public void Rdp_FractionalOrderBetweenIntegers_LiesBetweenTheirValues()
    {
        // RDP is non-decreasing in the order (Mironov 2017, Proposition 9), so the series for 2.5 must land between 2 and 3.
        double q = 0.01, z = 1.1;
        double r2 = SampledGaussianRdp.Rdp(q, z, 2.0), r25 = SampledGaussianRdp.Rdp(q, z, 2.5), r3 = SampledGaussianRdp.Rdp(q, z, 3.0);
        Assert.InRange(r25, r2, r3);
    }

    [Fact]
    public void Rdp_OrderAtMostOne_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SampledGaussianRdp.Rdp(0.1, 1.0, 1.0));
        Assert.Equal("order", e.ParamName);
    }
}
