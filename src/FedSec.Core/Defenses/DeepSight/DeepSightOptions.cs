using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.DeepSight;

/// <summary>Options of DeepSight (<c>defense_type: deepsight</c>).</summary>
public sealed class DeepSightOptions
{
    /// <summary><c>deepsight_num_seeds</c>: how many seeded sets of random inputs give DDifs (one DDif vector per set).</summary>
    public static readonly IntParameter NumSeedsKey = new(
        "deepsight_num_seeds",
        3,
        "The number of seeded sets of random inputs on which each model's Division Differences (DDifs) are measured; each set gives one clustering.",
        min: 1);

    /// <summary><c>deepsight_num_samples</c>: random inputs per seed.</summary>
    public static readonly IntParameter NumSamplesKey = new(
        "deepsight_num_samples",
        20000,
        "The number of uniform random images in each seeded set the DDifs average over (every sampled client's model and the global model run on all of them).",
        min: 1);

    /// <summary><c>deepsight_threshold_factor</c>: the NEUP threshold factor.</summary>
    public static readonly DoubleParameter ThresholdFactorKey = new(
        "deepsight_threshold_factor",
        0.01,
        "A client's threshold exceedings count the output neurons whose NEUP exceeds max(factor, 1/classes) × its largest NEUP.",
        min: 0,
        max: 1);

    /// <summary><c>deepsight_tau</c>: τ, the share of suspicious models that condemns a cluster.</summary>
    public static readonly DoubleParameter TauKey = new(
        "deepsight_tau",
        1.0 / 3,
        "τ: a cluster is removed when at least τ of its models are labelled suspicious (fewer threshold exceedings than half the median).",
        min: 0,
        max: 1,
        minExclusive: true);

    /// <summary><c>deepsight_min_cluster_size</c>: HDBSCAN's minimum cluster size in every clustering.</summary>
    public static readonly IntParameter MinClusterSizeKey = new(
        "deepsight_min_cluster_size",
        5,
        "HDBSCAN's minimum cluster size in each of DeepSight's clusterings (5 is the hdbscan library's default, which the reference implementations keep).",
        min: 2);

    /// <summary>The keys DeepSight reads.</summary>
    public static readonly IParameter[] Keys = { NumSeedsKey, NumSamplesKey, ThresholdFactorKey, TauKey, MinClusterSizeKey };

    /// <summary>Seeded random input sets.</summary>
    /// <value>The default value is 3, the reference implementation's.</value>
    public int NumSeeds { get; init; } = NumSeedsKey.Default;

    /// <summary>Random inputs per set.</summary>
    /// <value>The default value is 20 000, the reference implementation's.</value>
    public int NumSamples { get; init; } = NumSamplesKey.Default;

    /// <summary>The NEUP threshold factor.</summary>
    /// <value>The default value is 0.01, the paper's.</value>
    public double ThresholdFactor { get; init; } = ThresholdFactorKey.Default;

    /// <summary>τ.</summary>
    /// <value>The default value is 1/3, the paper's.</value>
    public double Tau { get; init; } = TauKey.Default;

    /// <summary>HDBSCAN's minimum cluster size.</summary>
    /// <value>The default value is 5.</value>
    public int MinClusterSize { get; init; } = MinClusterSizeKey.Default;

    /// <summary>Reads the options; problems go to <paramref name="args"/>.</summary>
    public static DeepSightOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new DeepSightOptions
        {
            NumSeeds = args.Get(NumSeedsKey),
            NumSamples = args.Get(NumSamplesKey),
            ThresholdFactor = args.Get(ThresholdFactorKey),
            Tau = args.Get(TauKey),
            MinClusterSize = args.Get(MinClusterSizeKey),
        };
    }
}
