using FedSec.Attacks.Alie;

namespace FedSec.Core.Tests.Attacks.Alie;

public class StandardNormalTests
{
    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.6, 0.2533471031357997)]
    [InlineData(0.95, 1.6448536269514722)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.001, -3.090232306167813)]
    [InlineData(0.02425, -1.9729610513118845)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.8413447460685429, 1.0)]
    public void InverseCdf_KnownQuantiles_Within1e12(double p, double expected)
    {
        Assert.Equal(expected, StandardNormal.InverseCdf(p), 1e-12);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(-1.0, 0.15865525393145707)]
    [InlineData(1.96, 0.9750021048517795)]
    public void Cdf_KnownValues_Within1e14(double x, double expected)
    {
        Assert.Equal(expected, StandardNormal.Cdf(x), 1e-14);
    }

    [Theory]
    [InlineData(-5.0, 2.866515718791946e-07)]
    [InlineData(-8.0, 6.220960574271819e-16)]
    public void Cdf_FarTail_RelativeErrorBelow1e12(double x, double expected)
    {
        Assert.True(Math.Abs(StandardNormal.Cdf(x) / expected - 1) < 1e-12, $"Φ({x}) = {StandardNormal.Cdf(x)}, expected {expected}");
    }

    [Theory]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(3.0, 2.209049699858544e-05)]
    public void Erfc_KnownValues_RelativeErrorBelow1e13(double z, double expected)
    {
        Assert.True(Math.Abs(StandardNormal.Erfc(z) / expected - 1) < 1e-13, $"erfc({z}) = {StandardNormal.Erfc(z)}, expected {expected}");
        Assert.Equal(2 - expected, StandardNormal.Erfc(-z), 1e-14);
    }

    [Fact]
    public void InverseCdf_RoundTripOverGrid_RecoversProbability()
    {
        for (double p = 0.0005; p < 1; p += 0.0123)
        {
            double x = StandardNormal.InverseCdf(p);
            Assert.True(Math.Abs(StandardNormal.Cdf(x) - p) < 1e-14, $"Φ(Φ⁻¹({p})) = {StandardNormal.Cdf(x)}");
            Assert.Equal(-x, StandardNormal.InverseCdf(1 - p), 1e-9);
        }
    }

    [Fact]
    public void InverseCdf_Bounds_InfiniteAndOutOfRangeThrows()
    {
        Assert.Equal(double.NegativeInfinity, StandardNormal.InverseCdf(0));
        Assert.Equal(double.PositiveInfinity, StandardNormal.InverseCdf(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardNormal.InverseCdf(1.5));
    }
}
