using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.FoolsGold;

/// <summary>Options of FoolsGold (<c>defense_type: foolsgold</c>).</summary>
public sealed class FoolsGoldOptions
{
    /// <summary><c>kappa</c>: κ, the confidence of the logit that turns dissimilarity into weight.</summary>
    public static readonly DoubleParameter KappaKey = new(
        "kappa",
        1.0,
        "κ, FoolsGold's confidence: weight = clip(κ(ln(α/(1-α)) + 0.5), 0, 1); larger κ pushes weights to 0 or 1 faster.",
        min: 0,
        minExclusive: true);

    /// <summary><c>foolsgold_feature</c>: all trainable parameters, or the last layer only.</summary>
    public static readonly ChoiceParameter<FoolsGoldFeature> FeatureKey = new(
        "foolsgold_feature",
        FoolsGoldFeature.All,
        "What each client's history accumulates: all trainable parameters, or the output layer's weights (FedML's choice).",
        ("all", FoolsGoldFeature.All),
        ("last_layer", FoolsGoldFeature.LastLayer));

    /// <summary>The keys FoolsGold reads.</summary>
    public static readonly IParameter[] Keys = { KappaKey, FeatureKey };

    /// <summary>κ, the confidence parameter of the logit.</summary>
    /// <value>The default value is 1, as in the paper's experiments.</value>
    public double Kappa { get; init; } = KappaKey.Default;

    /// <summary>The part of each update accumulated and compared.</summary>
    /// <value>The default value is <see cref="FoolsGoldFeature.All"/>.</value>
    public FoolsGoldFeature Feature { get; init; } = FeatureKey.Default;

    /// <summary>Reads the options; problems go to <paramref name="args"/>.</summary>
    public static FoolsGoldOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new FoolsGoldOptions
        {
            Kappa = args.Get(KappaKey),
            Feature = args.Get(FeatureKey),
        };
    }
}
