namespace FedSec.Defenses.Common;

/// <summary>How the outlier filters (<c>3sigma</c>, <c>anomaly_detection</c>) estimate the centre and spread of the scores.</summary>
public enum ThresholdStatistics
{
    /// <summary>
    /// Median and 1.4826 × median absolute deviation (the Hampel identifier): outliers cannot inflate the threshold
    /// that is meant to catch them. When more than half the scores are equal (MAD = 0), √(π/2) × the mean absolute
    /// deviation from the median stands in.
    /// </summary>
    MedianMad,

    /// <summary>
    /// Mean and sample standard deviation, as FedML. An outlier inflates both: with n scores no score can exceed
    /// mean + λ·std once λ ≥ (n − 1)/√n (Samuelson's inequality; 2.85 for n = 10).
    /// </summary>
    MeanStd,
}
