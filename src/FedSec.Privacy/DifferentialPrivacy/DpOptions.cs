using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Privacy.DifferentialPrivacy;

/// <summary>
/// Options of differential privacy (<c>dp_args</c>), in FedML's vocabulary plus adaptive clipping's keys. Cross-key rules
/// (which keys each solution needs and refuses) are checked by <see cref="DpOptionsReader"/>.
/// </summary>
public sealed record DpOptions
{
    /// <summary><c>enable_dp</c>.</summary>
    public static readonly BoolParameter EnableKey = new("enable_dp", false, "Turns differential privacy on.");

    /// <summary><c>dp_solution_type</c>.</summary>
    public static readonly ChoiceParameter<DpSolution> SolutionKey = new(
        "dp_solution_type",
        DpSolution.Cdp,
        "cdp: the server clips each update to clipping_norm and adds N(0, (z·C/m)²) to the mean (DP-FedAvg); dp_clip: the same with the clients clipping; ldp: each client clips and noises its own update; nbafl: refused (see docs/defenses/privacy.md).",
        ("cdp", DpSolution.Cdp),
        ("dp_clip", DpSolution.DpClip),
        ("ldp", DpSolution.Ldp),
        ("nbafl", DpSolution.NbAfl));

    /// <summary><c>mechanism_type</c>.</summary>
    public static readonly ChoiceParameter<DpMechanism> MechanismKey = new(
        "mechanism_type",
        DpMechanism.Gaussian,
        "The noise: gaussian (L2 clipping; every solution) or laplace (L1 clipping; ldp only).",
        ("gaussian", DpMechanism.Gaussian),
        ("laplace", DpMechanism.Laplace));

    /// <summary><c>epsilon</c>.</summary>
    public static readonly OptionalParameter<double> EpsilonKey = new(
        new DoubleParameter("epsilon", 1, "ldp: the epsilon of each client's release (per round). cdp and dp_clip: the budget after comm_round rounds, from which the noise multiplier is calibrated (instead of noise_multiplier).", min: 0, minExclusive: true),
        "none (cdp, dp_clip: from noise_multiplier; ldp needs it)");

    /// <summary><c>delta</c>.</summary>
    public static readonly DoubleParameter DeltaKey = new(
        "delta", 1e-5, "delta of the (epsilon, delta) guarantee: per release for ldp's Gaussian noise, of the whole run for the accountant.", min: 0, max: 1, minExclusive: true, maxExclusive: true);

    /// <summary><c>sensitivity</c>.</summary>
    public static readonly OptionalParameter<double> SensitivityKey = new(
        new DoubleParameter("sensitivity", 2, "ldp: the sensitivity the noise is calibrated to (L2 for gaussian, L1 for laplace); at least 2·clipping_norm, the most two clipped updates can differ.", min: 0, minExclusive: true),
        "2·clipping_norm");

    /// <summary><c>clipping_norm</c>.</summary>
    public static readonly DoubleParameter ClippingNormKey = new(
        "clipping_norm", 1.0, "C: each update w - G is scaled to norm at most C (L2; L1 for ldp's laplace); with adaptive_clipping, the initial C.", min: 0, minExclusive: true);

    /// <summary><c>noise_multiplier</c>.</summary>
    public static readonly OptionalParameter<double> NoiseMultiplierKey = new(
        new DoubleParameter("noise_multiplier", 1, "cdp, dp_clip: z; the mean of the m clipped updates gets N(0, (z·C/m)^2) noise.", min: 0, minExclusive: true),
        "from epsilon");

    /// <summary><c>enable_rdp_accountant</c>.</summary>
    public static readonly BoolParameter RdpAccountantKey = new(
        "enable_rdp_accountant", true, "Report epsilon after each round (RDP of the sampled Gaussian, Balle et al. 2020's conversion, at delta).");

    /// <summary><c>rdp_alpha</c>.</summary>
    public static readonly OptionalParameter<double> RdpAlphaKey = new(
        new DoubleParameter("rdp_alpha", 2, "Evaluate the RDP at this one order alpha > 1 (FedML's key) instead of the usual orders.", min: 1, minExclusive: true),
        "the orders 1.25 … 256");

    /// <summary><c>adaptive_clipping</c>.</summary>
    public static readonly BoolParameter AdaptiveKey = new(
        "adaptive_clipping", false, "cdp, dp_clip: the clip norm follows a target quantile of the update norms, estimated privately (Andrew et al. 2021).");

    /// <summary><c>target_unclipped_quantile</c>.</summary>
    public static readonly DoubleParameter TargetQuantileKey = new(
        "target_unclipped_quantile", 0.5, "gamma: the fraction of updates adaptive clipping aims to leave unclipped.", min: 0, max: 1);

    /// <summary><c>clip_learning_rate</c>.</summary>
    public static readonly DoubleParameter ClipLearningRateKey = new(
        "clip_learning_rate", 0.2, "eta_C: C <- C·exp(-eta_C (b - gamma)), b the noised unclipped fraction.", min: 0, minExclusive: true);

    /// <summary><c>clipped_count_stddev</c>.</summary>
    public static readonly OptionalParameter<double> ClippedCountStddevKey = new(
        new DoubleParameter("clipped_count_stddev", 1, "sigma_b: the noise on the count of unclipped updates.", min: 0, minExclusive: true),
        "clients per round / 20");

    /// <summary><c>secure_noise</c>.</summary>
    public static readonly BoolParameter SecureNoiseKey = new(
        "secure_noise", false, "Draw the DP noise from the operating system's cryptographic generator instead of streams seeded by random_seed: nobody who knows the seed (the server, in a distributed run with ldp) can recompute and subtract it. Runs then do not repeat bit for bit.");

    /// <summary>The keys <c>dp_args</c> reads.</summary>
    public static readonly IParameter[] Keys =
    {
        EnableKey, SolutionKey, MechanismKey, EpsilonKey, DeltaKey, SensitivityKey, ClippingNormKey, NoiseMultiplierKey,
        RdpAccountantKey, RdpAlphaKey, AdaptiveKey, TargetQuantileKey, ClipLearningRateKey, ClippedCountStddevKey,
        SecureNoiseKey,
    };

    /// <summary>Where clipping and noise happen.</summary>
    /// <value>The default value is <see cref="DpSolution.Cdp"/>.</value>
    public DpSolution Solution { get; init; } = SolutionKey.Default;

    /// <summary>The noise's distribution.</summary>
    /// <value>The default value is <see cref="DpMechanism.Gaussian"/>.</value>
    public DpMechanism Mechanism { get; init; } = MechanismKey.Default;

    /// <summary>ε: per release (ldp) or the run's budget (cdp, dp_clip).</summary>
    /// <value>The default value is null.</value>
    public double? Epsilon { get; init; } = EpsilonKey.Default;

    /// <summary>δ.</summary>
    /// <value>The default value is 1e-5.</value>
    public double Delta { get; init; } = DeltaKey.Default;

    /// <summary>The sensitivity ldp's noise is calibrated to; null: 2·C.</summary>
    /// <value>The default value is null.</value>
    public double? Sensitivity { get; init; } = SensitivityKey.Default;

    /// <summary>C, the clip norm (the initial one under adaptive clipping).</summary>
    /// <value>The default value is 1.</value>
    public double ClippingNorm { get; init; } = ClippingNormKey.Default;

    /// <summary>z for cdp and dp_clip: given, or calibrated from <see cref="Epsilon"/>.</summary>
    /// <value>The default value is null.</value>
    public double? NoiseMultiplier { get; init; } = NoiseMultiplierKey.Default;

    /// <summary>Whether ε is reported after each round.</summary>
    /// <value>The default value is true.</value>
    public bool RdpAccountant { get; init; } = RdpAccountantKey.Default;

    /// <summary>The one RDP order to use, or null for the usual orders.</summary>
    /// <value>The default value is null.</value>
    public double? RdpAlpha { get; init; } = RdpAlphaKey.Default;

    /// <summary>Whether the clip norm adapts (Andrew et al. 2021).</summary>
    /// <value>The default value is false.</value>
    public bool Adaptive { get; init; } = AdaptiveKey.Default;

    /// <summary>γ, the target unclipped fraction.</summary>
    /// <value>The default value is 0.5.</value>
    public double TargetQuantile { get; init; } = TargetQuantileKey.Default;

    /// <summary>η_C, the clip norm's learning rate.</summary>
    /// <value>The default value is 0.2.</value>
    public double ClipLearningRate { get; init; } = ClipLearningRateKey.Default;

    /// <summary>σ_b, or null for clients per round / 20.</summary>
    /// <value>The default value is null.</value>
    public double? ClippedCountStddev { get; init; } = ClippedCountStddevKey.Default;

    /// <summary>Whether the noise comes from the cryptographic generator rather than the seeded streams.</summary>
    /// <value>The default value is false.</value>
    public bool SecureNoise { get; init; } = SecureNoiseKey.Default;

    /// <summary>A stream for one block of noise: the cryptographic generator, or <paramref name="seeded"/>'s.</summary>
    internal Random NoiseStream(Func<Random> seeded) => SecureNoise ? new Mechanisms.CryptoRandom() : seeded();

    /// <summary>The warning a run with <see cref="SecureNoise"/> gets: its numbers do not repeat.</summary>
    internal const string SecureNoiseWarning = "dp_args.secure_noise: the noise comes from the operating system's cryptographic generator, so this run's numbers do not repeat with the same seed (nor does a resumed run's).";
}
