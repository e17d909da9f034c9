using FedSec.Privacy.Mechanisms;

namespace FedSec.Privacy.Tests.Mechanisms;

public class AnalyticGaussianTests
{
    [Theory]
    [InlineData(0.5, 1e-5)]
    [InlineData(1.0, 1e-5)]
    [InlineData(8.0, 1e-6)]
    [InlineData(1000.0, 1e-5)]
    public void Sigma_AnyEpsilon_DeltaOfTheResultIsTheTarget(double epsilon, double delta)
    {
        double sigma = AnalyticGaussian.Sigma(epsilon, delta, 2.0);
        Assert.Equal(delta, AnalyticGaussian.Delta(epsilon, sigma / 2.0), delta * 1e-6);
        Assert.True(AnalyticGaussian.Delta(epsilon, sigma / 2.0 * 0.999) > delta, "a slightly smaller sigma must miss the target");
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Sigma_EpsilonBelowOne_BelowTheClassicCalibration(double epsilon)
    {
        // Balle and Wang 2018, Section 2: the classic sigma = sqrt(2 ln(1.25/delta))/epsilon is a sufficient, never tight, condition.
        Assert.True(AnalyticGaussian.Sigma(epsilon, 1e-5, 1) < AnalyticGaussian.ClassicSigma(epsilon, 1e-5, 1));
    }

    [Fact]
    public void Sigma_ScalesWithTheSensitivity()
    {
        Assert.Equal(3 * AnalyticGaussian.Sigma(2, 1e-5, 1), AnalyticGaussian.Sigma(2, 1e-5, 3), 9);
    }
}
