using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Defenses.Common;

namespace FedSec.Core.Tests.Defenses.Common;

public class OutlierThresholdTests
{
    [Fact]
    public void Compute_MeanStd_IsMeanPlusLambdaSampleStd()
    {
        // Mean 4, sample variance (9 + 4 + 1 + 0 + 36) / 4 = 12.5.
        double t = OutlierThreshold.Compute(new double[] { 1, 2, 3, 4, 10 }, 1.0, ThresholdStatistics.MeanStd);
        Assert.Equal(4 + Math.Sqrt(12.5), t, 12);
    }

    [Fact]
    public void Compute_MedianMad_IsMedianPlusLambdaScaledMad()
    {
        // Median 3, absolute deviations 2, 1, 0, 1, 7: MAD = 1.
        double t = OutlierThreshold.Compute(new double[] { 1, 2, 3, 4, 10 }, 3.0, ThresholdStatistics.MedianMad);
        Assert.Equal(3 + (3 * 1.4826), t, 12);
    }

    [Fact]
    public void Compute_MadZero_FallsBackToScaledMeanAbsoluteDeviation()
    {
        // Median 1 and MAD 0; the mean absolute deviation is 3/8.
        var scores = new double[] { 1, 1, 1, 1, 1, 1, 2, 3 };
        double t = OutlierThreshold.Compute(scores, 3.0, ThresholdStatistics.MedianMad);
        Assert.Equal(1 + (3 * OutlierThreshold.MeanAdToSigma * 3 / 8), t, 12);
        Assert.Equal(new[] { false, false, false, false, false, false, false, true }, OutlierThreshold.Flag(scores, 3.0, ThresholdStatistics.MedianMad, out _));
    }

    [Fact]
    public void Flag_EqualScores_FlagsNothing()
    {
        Assert.All(OutlierThreshold.Flag(new double[] { 2, 2, 2 }, 0.1, ThresholdStatistics.MedianMad, out _), Assert.False);
        Assert.All(OutlierThreshold.Flag(new double[] { 2, 2, 2 }, 0.1, ThresholdStatistics.MeanStd, out _), Assert.False);
    }

    [Fact]
    public void Flag_MeanStdTenScoresLambdaThree_CannotFlagEvenAFarOutlier()
    {
        // Samuelson: with n = 10 no score lies more than (n − 1)/√n = 2.85 sample deviations above the mean.
        var scores = Enumerable.Repeat(1.0, 9).Append(1e6).ToArray();
        Assert.All(OutlierThreshold.Flag(scores, 3.0, ThresholdStatistics.MeanStd, out _), Assert.False);
        Assert.True(OutlierThreshold.Flag(scores, 3.0, ThresholdStatistics.MedianMad, out _)[9]);
    }

    [Fact]
    public void Read_MeanStdWithLambdaBeyondReach_ReportsBoundParam()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "defense_args", ("threshold_statistics", "mean_std"), ("bound_param", "3"));
        OutlierFilterOptions.Read(args);
        var problem = Assert.Single(args.Problems);
        Assert.Equal("defense_args.bound_param", problem.Key);
        Assert.Contains("2.846", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Defaults_MedianMadLambdaThreeWithoutProblems()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "defense_args");
        var options = OutlierFilterOptions.Read(args);
        Assert.Equal(3.0, options.Lambda);
        Assert.Equal(ThresholdStatistics.MedianMad, options.Statistics);
        Assert.Empty(args.Problems);
    }
}
