using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.Optimal;

/// <summary>Options of the optimal ALIE and IPM attacks (<c>attack_type: optimal_alie</c> or <c>optimal_ipm</c>).</summary>
public sealed class OptimalOptions
{
    /// <summary><c>byzantine_client_num</c>: f, the number of malicious clients.</summary>
    public static readonly IntParameter ClientNumKey = AttackerCount.Key;

    /// <summary><c>optimal_evaluations</c>: the search's budget of defended aggregations per round.</summary>
    public static readonly IntParameter EvaluationsKey = new(
        "optimal_evaluations",
        16,
        "How many candidate scales the line search evaluates per round, each by running the configured defenses on the forged round.",
        min: 1);

    /// <summary><c>optimal_initial_step</c>: δ, the line search's first step.</summary>
    public static readonly DoubleParameter InitialStepKey = new(
        "optimal_initial_step",
        1.0,
        "δ: the line search starts at scale 0 and first tries 0 + δ; δ doubles while the damage grows.",
        min: 0,
        minExclusive: true);

    /// <summary><c>optimal_step_ratio</c>: ρ, the contraction factor of the step.</summary>
    public static readonly DoubleParameter StepRatioKey = new(
        "optimal_step_ratio",
        0.8,
        "ρ: after the expansion phase the step is multiplied by ρ after every probe.",
        min: 0,
        max: 1,
        minExclusive: true,
        maxExclusive: true);

    /// <summary>The keys these attacks read.</summary>
    public static readonly IParameter[] Keys = { ClientNumKey, EvaluationsKey, InitialStepKey, StepRatioKey };

    /// <summary>Number of malicious clients.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>The evaluation budget.</summary>
    /// <value>The default value is 16, ByzFL's.</value>
    public int Evaluations { get; init; } = EvaluationsKey.Default;

    /// <summary>δ.</summary>
    /// <value>The default value is 1, ByzFL's.</value>
    public double InitialStep { get; init; } = InitialStepKey.Default;

    /// <summary>ρ.</summary>
    /// <value>The default value is 0.8, ByzFL's.</value>
    public double StepRatio { get; init; } = StepRatioKey.Default;

    /// <summary>Reads the options; problems go to <paramref name="args"/>.</summary>
    public static OptimalOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new OptimalOptions
        {
            ClientNum = AttackerCount.Read(args),
            Evaluations = args.Get(EvaluationsKey),
            InitialStep = args.Get(InitialStepKey),
            StepRatio = args.Get(StepRatioKey),
        };
    }
}
