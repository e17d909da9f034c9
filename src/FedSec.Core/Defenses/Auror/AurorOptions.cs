using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.Auror;

/// <summary>Options of Auror (<c>defense_type: auror</c>).</summary>
public sealed class AurorOptions
{
    /// <summary><c>auror_threshold</c>: α, the cluster-centre distance above which a coordinate is indicative.</summary>
    public static readonly DoubleParameter ThresholdKey = new(
        "auror_threshold",
        0.002,
        "α: a coordinate is indicative when the two centres of the 2-means clustering of the clients' update values are more than α apart (an absolute distance: fit it to the updates' scale).",
        min: 0,
        minExclusive: true);

    /// <summary><c>auror_tau</c>: τ, the fraction of indicative coordinates in which a client must fall in the minority cluster to be removed.</summary>
    public static readonly DoubleParameter TauKey = new(
        "auror_tau",
        0.5,
        "τ: a client is removed when it falls in the smaller cluster of more than this fraction of the indicative coordinates.",
        min: 0,
        max: 1,
        maxExclusive: true);

    /// <summary><c>auror_feature</c>: the coordinates examined.</summary>
    public static readonly ChoiceParameter<AurorFeature> FeatureKey = new(
        "auror_feature",
        AurorFeature.OutputLayer,
        "Which coordinates Auror examines: the output layer's weights and bias, or every trainable coordinate.",
        ("output_layer", AurorFeature.OutputLayer),
        ("all", AurorFeature.All));

    /// <summary>The keys Auror reads.</summary>
    public static readonly IParameter[] Keys = { ThresholdKey, TauKey, FeatureKey };

    /// <summary>α, the indicative-feature threshold.</summary>
    /// <value>The default value is 0.002 (FLPoison's default).</value>
    public double Threshold { get; init; } = ThresholdKey.Default;

    /// <summary>τ, the minority fraction above which a client is removed.</summary>
    /// <value>The default value is 0.5.</value>
    public double Tau { get; init; } = TauKey.Default;

    /// <summary>The coordinates examined.</summary>
    /// <value>The default value is <see cref="AurorFeature.OutputLayer"/>.</value>
    public AurorFeature Feature { get; init; } = FeatureKey.Default;

    /// <summary>Reads the options; problems go to <paramref name="args"/>.</summary>
    public static AurorOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new AurorOptions
        {
            Threshold = args.Get(ThresholdKey),
            Tau = args.Get(TauKey),
            Feature = args.Get(FeatureKey),
        };
    }
}
