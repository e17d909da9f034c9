using FedSec.Configuration;
using FedSec.Configuration.Parameters;
using FedSec.Defenses.FLTrust;

namespace FedSec.Defenses.ZenoPlusPlus;

/// <summary>Options of Zeno++ (<c>defense_type: zenopp</c>).</summary>
public sealed class ZenoPlusPlusOptions
{
    /// <summary><c>zenopp_rho</c>: ρ, the weight of the candidate's squared norm in the score.</summary>
    public static readonly DoubleParameter RhoKey = new(
        "zenopp_rho",
        0.001,
        "Zeno++'s rho: the score is gamma*<v, g> - rho*||g||^2 (g the candidate gradient after normalisation, v the server's validation gradient, gamma = learning_rate).",
        min: 0);

    /// <summary><c>zenopp_epsilon</c>: ε, the tolerance of the test score ≥ −γε.</summary>
    public static readonly DoubleParameter EpsilonKey = new(
        "zenopp_epsilon",
        0.0,
        "Zeno++'s epsilon: a candidate is accepted when its score >= -gamma*epsilon.",
        min: 0);

    /// <summary><c>zenopp_refresh_steps</c>: k, the server steps between two computations of the validation gradient.</summary>
    public static readonly IntParameter RefreshStepsKey = new(
        "zenopp_refresh_steps",
        10,
        "Zeno++'s lazy update: the server recomputes its validation gradient v on its root set every k steps (at the current model) and scores the steps in between against that v; 1 recomputes every step.",
        min: 1);

    /// <summary><c>zenopp_normalize</c>: whether a candidate is scaled to the validation gradient's norm before scoring and applying.</summary>
    public static readonly BoolParameter NormalizeKey = new(
        "zenopp_normalize",
        true,
        "Zeno++'s normalisation: scale each candidate gradient g to ||v|| (g * ||v|| / ||g||) before it is scored and, when accepted, applied; false scores and applies g as sent.");

    /// <summary>The keys Zeno++ reads (and the root set's size, the key FLTrust's root set uses).</summary>
    public static readonly IParameter[] Keys = { RhoKey, EpsilonKey, RefreshStepsKey, NormalizeKey, FLTrustOptions.RootSetSizeKey };

    /// <summary>ρ.</summary>
    /// <value>The default value is 0.001 (the authors' experiment scripts).</value>
    public double Rho { get; init; } = RhoKey.Default;

    /// <summary>ε.</summary>
    /// <value>The default value is 0 (the authors' experiment scripts).</value>
    public double Epsilon { get; init; } = EpsilonKey.Default;

    /// <summary>k.</summary>
    /// <value>The default value is 10 (the authors' <c>--zeno-delay</c>).</value>
    public int RefreshSteps { get; init; } = RefreshStepsKey.Default;

    /// <summary>Whether candidates are normalised to ‖v‖.</summary>
    /// <value>The default value is true, as the paper.</value>
    public bool Normalize { get; init; } = NormalizeKey.Default;

    /// <summary>The size of the server's validation (root) set.</summary>
    /// <value>The default value is 100.</value>
    public int RootSetSize { get; init; } = FLTrustOptions.RootSetSizeKey.Default;

    /// <summary>γ = η, the clients' learning rate (<c>train_args.learning_rate</c>), which turns updates into gradients.</summary>
    /// <value>The default value is 0.05, the engine's default.</value>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Reads the options; a run that is not asynchronous is a problem naming the keys.</summary>
    public static ZenoPlusPlusOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var shape = args.Shape;
        if (shape.Optimizer is not (FederatedOptimizer.FedAsync or FederatedOptimizer.FedBuff))
        {
            args.Report(
                args.QualifiedKey("defense_type"),
                $"zenopp (Zeno++) is a defense for asynchronous SGD: it needs train_args.federated_optimizer FedAsync or FedBuff, not {shape.Optimizer}; for a synchronous run use aflguard or fltrust, which also use the server's root set.");
        }

        return new ZenoPlusPlusOptions
        {
            Rho = args.Get(RhoKey),
            Epsilon = args.Get(EpsilonKey),
            RefreshSteps = args.Get(RefreshStepsKey),
            Normalize = args.Get(NormalizeKey),
            RootSetSize = args.Get(FLTrustOptions.RootSetSizeKey),
            LearningRate = shape.LearningRate,
        };
    }
}
