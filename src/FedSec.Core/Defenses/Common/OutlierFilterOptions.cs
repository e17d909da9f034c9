using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.Common;

/// <summary>Options of the score-threshold filters <c>3sigma</c> and <c>anomaly_detection</c>.</summary>
public sealed class OutlierFilterOptions
{
    /// <summary><c>bound_param</c>: λ, how many spreads above the centre a score may lie (FedML's key in its three-sigma-Krum defense).</summary>
    public static readonly DoubleParameter BoundParamKey = new(
        "bound_param",
        3.0,
        "λ: an update is removed when its score exceeds centre + λ·spread of the round's scores (FedML hard-codes 0.5 to 2).",
        min: 0,
        minExclusive: true);

    /// <summary><c>threshold_statistics</c>: median_mad (robust, default) or mean_std (FedML's).</summary>
    public static readonly ChoiceParameter<ThresholdStatistics> StatisticsKey = new(
        "threshold_statistics",
        ThresholdStatistics.MedianMad,
        "Centre and spread of the scores: median and 1.4826*MAD (robust), or mean and sample standard deviation (FedML's).",
        ("median_mad", ThresholdStatistics.MedianMad),
        ("mean_std", ThresholdStatistics.MeanStd));

    /// <summary>The keys these filters read.</summary>
    public static readonly IParameter[] Keys = { BoundParamKey, StatisticsKey };

    /// <summary>λ, the number of spreads above the centre beyond which a score is an outlier.</summary>
    /// <value>The default value is 3.</value>
    public double Lambda { get; init; } = BoundParamKey.Default;

    /// <summary>How the centre and spread are estimated.</summary>
    /// <value>The default value is <see cref="ThresholdStatistics.MedianMad"/>.</value>
    public ThresholdStatistics Statistics { get; init; } = StatisticsKey.Default;

    /// <summary>
    /// Reads and validates the options. With mean_std, a λ at or above (n − 1)/√n (n = client_num_per_round) can
    /// never remove anything, so it is reported rather than left to run silently.
    /// </summary>
    public static OutlierFilterOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new OutlierFilterOptions
        {
            Lambda = args.Get(BoundParamKey),
            Statistics = args.Get(StatisticsKey),
        };
        int n = args.Shape.ClientsPerRound;
        double reach = n > 1 ? (n - 1) / Math.Sqrt(n) : 0;
        if (options.Statistics == ThresholdStatistics.MeanStd && options.Lambda >= reach)
        {
            args.Report(
                args.QualifiedKey(BoundParamKey.Key),
                $"with threshold_statistics: mean_std and n = {n} clients per round (train_args.client_num_per_round), no score can exceed mean + λ·std once λ ≥ (n − 1)/√n = {reach:0.###}, so λ = {options.Lambda} would never remove an update; use bound_param < {reach:0.###}, or threshold_statistics: median_mad.");
        }

        return options;
    }
}
