using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.Rflbat;

/// <summary>Options of RFLBAT (<c>defense_type: rflbat</c>).</summary>
public sealed class RflbatOptions
{
    /// <summary><c>rflbat_epsilon1</c>: ε₁, the first distance filter's bound relative to the median.</summary>
    public static readonly DoubleParameter Epsilon1Key = new(
        "rflbat_epsilon1",
        10.0,
        "ε1: before clustering, a client is kept when its sum of distances to the others in PCA space is below ε1 × the median of those sums.",
        min: 0,
        minExclusive: true);

    /// <summary><c>rflbat_epsilon2</c>: ε₂, the second distance filter's bound, inside the chosen cluster.</summary>
    public static readonly DoubleParameter Epsilon2Key = new(
        "rflbat_epsilon2",
        4.0,
        "ε2: inside the chosen cluster, a client is kept when its sum of distances to the cluster's others in PCA space is below ε2 × the median of those sums.",
        min: 0,
        minExclusive: true);

    /// <summary><c>rflbat_components</c>: the number of principal components the updates are projected on.</summary>
    public static readonly IntParameter ComponentsKey = new(
        "rflbat_components",
        2,
        "The number of principal components the updates are projected on before the distance filters and the clustering.",
        min: 1);

    /// <summary><c>rflbat_gap_samples</c>: B, the uniform reference samples of the gap statistic.</summary>
    public static readonly IntParameter GapSamplesKey = new(
        "rflbat_gap_samples",
        5,
        "B: the number of uniform reference samples the gap statistic draws per number of clusters.",
        min: 1);

    /// <summary><c>rflbat_max_clusters</c>: the largest number of clusters the gap statistic tries.</summary>
    public static readonly IntParameter MaxClustersKey = new(
        "rflbat_max_clusters",
        10,
        "K_max: the largest number of clusters the gap statistic tries.",
        min: 1);

    /// <summary>The keys RFLBAT reads.</summary>
    public static readonly IParameter[] Keys = { Epsilon1Key, Epsilon2Key, ComponentsKey, GapSamplesKey, MaxClustersKey };

    /// <summary>ε₁.</summary>
    /// <value>The default value is 10, the authors' code.</value>
    public double Epsilon1 { get; init; } = Epsilon1Key.Default;

    /// <summary>ε₂.</summary>
    /// <value>The default value is 4, the authors' code.</value>
    public double Epsilon2 { get; init; } = Epsilon2Key.Default;

    /// <summary>The number of principal components.</summary>
    /// <value>The default value is 2, the paper's.</value>
    public int Components { get; init; } = ComponentsKey.Default;

    /// <summary>B of the gap statistic.</summary>
    /// <value>The default value is 5, the authors' code.</value>
    public int GapSamples { get; init; } = GapSamplesKey.Default;

    /// <summary>K_max of the gap statistic.</summary>
    /// <value>The default value is 10.</value>
    public int MaxClusters { get; init; } = MaxClustersKey.Default;

    /// <summary>Reads the options; problems go to <paramref name="args"/>.</summary>
    public static RflbatOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new RflbatOptions
        {
            Epsilon1 = args.Get(Epsilon1Key),
            Epsilon2 = args.Get(Epsilon2Key),
            Components = args.Get(ComponentsKey),
            GapSamples = args.Get(GapSamplesKey),
            MaxClusters = args.Get(MaxClustersKey),
        };
    }
}
