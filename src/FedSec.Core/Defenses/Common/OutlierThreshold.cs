using FedSec.Aggregation;

namespace FedSec.Defenses.Common;

/// <summary>
/// The "three sigma" rule on per-client scores: a score is an outlier when it exceeds centre + λ·spread, with the
/// centre and spread from <see cref="ThresholdStatistics"/>. Pure kernel.
/// </summary>
public static class OutlierThreshold
{
    /// <summary>Scales a median absolute deviation to a standard deviation for normal data.</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>Scales a mean absolute deviation to a standard deviation for normal data (√(π/2)).</summary>
    public const double MeanAdToSigma = 1.2533141373155003;

    /// <summary>The threshold centre + λ·spread of the scores.</summary>
    public static double Compute(IReadOnlyList<double> scores, double lambda, ThresholdStatistics statistics)
    {
        var (centre, spread) = CentreAndSpread(scores, statistics);
        return centre + (lambda * spread);
    }

    /// <summary>The centre and spread of the scores.</summary>
    public static (double Centre, double Spread) CentreAndSpread(IReadOnlyList<double> scores, ThresholdStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int n = scores.Count;
        if (n == 0)
        {
            throw new ArgumentException("No scores to threshold.", nameof(scores));
        }

        if (statistics == ThresholdStatistics.MeanStd)
        {
            double mean = scores.Average();
            double ss = scores.Sum(s => (s - mean) * (s - mean));
            return (mean, n > 1 ? Math.Sqrt(ss / (n - 1)) : 0);
        }

        double median = ScalarMedian.Of(scores);
        var deviations = scores.Select(s => Math.Abs(s - median)).ToArray();
        double mad = ScalarMedian.Of(deviations);
        double spread = mad > 0 ? MadToSigma * mad : MeanAdToSigma * deviations.Average();
        return (median, spread);
    }

    /// <summary>Whether each score exceeds the threshold (strictly).</summary>
    public static bool[] Flag(IReadOnlyList<double> scores, double lambda, ThresholdStatistics statistics, out double threshold)
    {
        double t = Compute(scores, lambda, statistics);
        threshold = t;
        return scores.Select(s => s > t).ToArray();
    }
}
