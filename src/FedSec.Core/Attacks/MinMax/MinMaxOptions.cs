using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.MinMax;

/// <summary>Options of Min-Max and Min-Sum (<c>attack_type: min_max</c> or <c>min_sum</c>).</summary>
public sealed record MinMaxOptions
{
    /// <summary><c>byzantine_client_num</c>: the number of malicious clients.</summary>
    public static readonly IntParameter ClientNumKey = AttackerCount.Key;

    /// <summary><c>perturbation</c>: the direction p.</summary>
    public static readonly ChoiceParameter<PerturbationKind> PerturbationKey = new(
        "perturbation",
        PerturbationKind.Std,
        "Perturbation direction p: inverse unit vector -mu/|mu|, inverse sign -sign(mu), or inverse standard deviation -sigma.",
        ("unit_vec", PerturbationKind.UnitVector),
        ("sign", PerturbationKind.Sign),
        ("std", PerturbationKind.Std));

    /// <summary><c>gamma_init</c>: γ_init, the first scale probed (the search covers [0, 2·γ_init]).</summary>
    public static readonly DoubleParameter GammaInitKey = new("gamma_init", 10.0, "gamma_init: the first scale the binary search probes; it searches [0, 2 * gamma_init].", min: 0, minExclusive: true);

    /// <summary><c>gamma_tolerance</c>: the search stops when the step is below it.</summary>
    public static readonly DoubleParameter ToleranceKey = new("gamma_tolerance", 1e-5, "tau: the binary search on gamma stops at this step.", min: 0, minExclusive: true);

    /// <summary>The keys these attacks read.</summary>
    public static readonly IParameter[] Keys = { ClientNumKey, PerturbationKey, GammaInitKey, ToleranceKey };

    /// <summary>Number of malicious clients.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>The constraint: Min-Max or Min-Sum (set by the registered name, not a key).</summary>
    public MinMaxObjective Objective { get; init; } = MinMaxObjective.MaxDistance;

    /// <summary>The perturbation direction.</summary>
    /// <value>
    /// The default value is <see cref="PerturbationKind.Std"/>, −σ (Blades' default; the paper reports the best of the
    /// three per setting, and its authors' code defaults to the unit vector).
    /// </value>
    public PerturbationKind Perturbation { get; init; } = PerturbationKey.Default;

    /// <summary>γ_init.</summary>
    /// <value>The default value is 10, the paper's.</value>
    public double GammaInit { get; init; } = GammaInitKey.Default;

    /// <summary>The search tolerance τ.</summary>
    /// <value>The default value is 10⁻⁵, the paper's.</value>
    public double Tolerance { get; init; } = ToleranceKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static MinMaxOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new MinMaxOptions
        {
            ClientNum = AttackerCount.Read(args),
            Perturbation = args.Get(PerturbationKey),
            GammaInit = args.Get(GammaInitKey),
            Tolerance = args.Get(ToleranceKey),
        };
        if (options.Tolerance >= options.GammaInit)
        {
            args.Report(
                args.QualifiedKey(ToleranceKey.Key),
                $"The tolerance {options.Tolerance} must be smaller than gamma_init = {options.GammaInit}, or the search for gamma ends before it starts.");
        }

        return options;
    }
}
