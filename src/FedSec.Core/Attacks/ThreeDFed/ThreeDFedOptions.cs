using FedSec.Attacks.Backdoor;
using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.ThreeDFed;

/// <summary>
/// Options of 3DFed (<c>attack_type: 3dfed</c>): the trigger and target of the backdoor, and the modules' settings with
/// the defaults of the authors' MNIST configuration (<c>fixed_scales</c> 0.3/0.3/0.4, <c>fl_weight_scale</c> 5,
/// <c>fl_adv_group_size</c> 2, <c>fl_num_neurons</c> 8, <c>noise_mask_alpha</c> 0, <c>lagrange_step</c> 0.1), and <c>num_candidate</c> 512: their code's default, which
/// its MNIST branch sets to 10 (FedSec keeps 512, with which its durability grid ran).
/// </summary>
public sealed class ThreeDFedOptions
{
    /// <summary><c>three_d_fed_clean_weight</c>.</summary>
    public static readonly DoubleParameter CleanWeightKey = new("three_d_fed_clean_weight", 0.3, "Weight of the clean loss in 3DFed's backdoor training.", min: 0);

    /// <summary><c>three_d_fed_backdoor_weight</c>.</summary>
    public static readonly DoubleParameter BackdoorWeightKey = new("three_d_fed_backdoor_weight", 0.3, "Weight of the backdoor loss (the client's images, all stamped with the trigger, labelled target_label).", min: 0, minExclusive: true);

    /// <summary><c>three_d_fed_distance_weight</c>.</summary>
    public static readonly DoubleParameter DistanceWeightKey = new("three_d_fed_distance_weight", 0.4, "Weight of the Euclidean distance |w - G| to the global model in 3DFed's backdoor training.", min: 0);

    /// <summary><c>three_d_fed_max_scale</c>.</summary>
    public static readonly DoubleParameter MaxScaleKey = new("three_d_fed_max_scale", 5, "Largest factor the backdoor update is scaled by towards the norm of the attacker's benign reference update (fl_weight_scale).", min: 1);

    /// <summary><c>three_d_fed_group_size</c>.</summary>
    public static readonly IntParameter GroupSizeKey = new("three_d_fed_group_size", 2, "Backdoor models per noise-mask group (their masks cancel in the sum; fl_adv_group_size).", min: 2);

    /// <summary><c>three_d_fed_mask_neurons</c>.</summary>
    public static readonly IntParameter MaskNeuronsKey = new("three_d_fed_mask_neurons", 8, "Output neurons (classes other than target_label) each group's noise masks act on (fl_num_neurons).", min: 1);

    /// <summary><c>three_d_fed_noise_mask_alpha</c>.</summary>
    public static readonly DoubleParameter AlphaMinKey = new("three_d_fed_noise_mask_alpha", 0, "Lower end of the draws of a group's noise-mask weight alpha in [alpha, 1] (noise_mask_alpha).", min: 0, max: 1, maxExclusive: true);

    /// <summary><c>three_d_fed_lagrange_step</c>.</summary>
    public static readonly DoubleParameter LagrangeStepKey = new("three_d_fed_lagrange_step", 0.1, "Dual-ascent step of the Lagrange multiplier that makes a group's noise masks sum to zero (lagrange_step).", min: 0, minExclusive: true);

    /// <summary><c>three_d_fed_indicator_threshold</c>.</summary>
    public static readonly DoubleParameter ThresholdKey = new("three_d_fed_indicator_threshold", 1e-4, "Indicator feedback at or below which a model counts as rejected (the authors' 1e-4 on MNIST, 1e-5 on CIFAR-10).", min: 0, minExclusive: true);

    /// <summary><c>three_d_fed_indicator_candidates</c>.</summary>
    public static readonly IntParameter CandidatesKey = new("three_d_fed_indicator_candidates", 512, "Indicator candidates per model sent (the quietest coordinates of the indicator layer), of which the attacker keeps those where the loss on its data curves least (num_candidate: the authors' default 512, which their MNIST and CIFAR-10 branches set to 10).", min: 1);

    /// <summary>The trigger keys 3DFed reads (its backdoor batch is the whole batch, so no poison_fraction).</summary>
    public static readonly IParameter[] TriggerKeys =
    {
        BackdoorOptions.SizeKey, BackdoorOptions.PatternKey, BackdoorOptions.PositionKey, BackdoorOptions.ValueKey, BackdoorOptions.TargetLabelKey,
    };

    /// <summary>The keys 3DFed reads.</summary>
    public static readonly IParameter[] Keys = new IParameter[] { AttackerCount.Key }
        .Concat(TriggerKeys)
        .Concat(new IParameter[] { CleanWeightKey, BackdoorWeightKey, DistanceWeightKey, MaxScaleKey, GroupSizeKey, MaskNeuronsKey, AlphaMinKey, LagrangeStepKey, ThresholdKey, CandidatesKey })
        .ToArray();

    /// <summary>Number of malicious clients.</summary>
    /// <value>The default value is 1 (the shared key's): one attacker, whose model gets no noise mask (a mask cancels only within a group).</value>
    public int ClientNum { get; init; } = AttackerCount.Key.Default;

    /// <summary>The trigger and target (its poison fraction is unused: every backdoor sample is stamped).</summary>
    /// <value>The default value is the backdoor's defaults with every sample stamped (poison fraction 1).</value>
    public BackdoorOptions Backdoor { get; init; } = new() { PoisonFraction = 1 };

    /// <summary>Clean-loss weight.</summary>
    /// <value>The default value is 0.3.</value>
    public double CleanWeight { get; init; } = CleanWeightKey.Default;

    /// <summary>Backdoor-loss weight.</summary>
    /// <value>The default value is 0.3.</value>
    public double BackdoorWeight { get; init; } = BackdoorWeightKey.Default;

    /// <summary>Distance weight.</summary>
    /// <value>The default value is 0.4.</value>
    public double DistanceWeight { get; init; } = DistanceWeightKey.Default;

    /// <summary>Largest scaling factor.</summary>
    /// <value>The default value is 5.</value>
    public double MaxScale { get; init; } = MaxScaleKey.Default;

    /// <summary>Models per noise-mask group.</summary>
    /// <value>The default value is 2.</value>
    public int GroupSize { get; init; } = GroupSizeKey.Default;

    /// <summary>Output neurons per group's masks.</summary>
    /// <value>The default value is 8.</value>
    public int MaskNeurons { get; init; } = MaskNeuronsKey.Default;

    /// <summary>Lower end of α draws.</summary>
    /// <value>The default value is 0.</value>
    public double AlphaMin { get; init; } = AlphaMinKey.Default;

    /// <summary>Dual-ascent step.</summary>
    /// <value>The default value is 0.1.</value>
    public double LagrangeStep { get; init; } = LagrangeStepKey.Default;

    /// <summary>Rejection threshold of the indicator feedback.</summary>
    /// <value>The default value is 1e-4.</value>
    public double Threshold { get; init; } = ThresholdKey.Default;

    /// <summary>Indicator candidates per model sent.</summary>
    /// <value>The default value is 512.</value>
    public int Candidates { get; init; } = CandidatesKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static ThreeDFedOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new ThreeDFedOptions
        {
            ClientNum = AttackerCount.Read(args),
            Backdoor = BackdoorOptions.ReadTrigger(args, 1),
            CleanWeight = args.Get(CleanWeightKey),
            BackdoorWeight = args.Get(BackdoorWeightKey),
            DistanceWeight = args.Get(DistanceWeightKey),
            MaxScale = args.Get(MaxScaleKey),
            GroupSize = args.Get(GroupSizeKey),
            MaskNeurons = args.Get(MaskNeuronsKey),
            AlphaMin = args.Get(AlphaMinKey),
            LagrangeStep = args.Get(LagrangeStepKey),
            Threshold = args.Get(ThresholdKey),
            Candidates = args.Get(CandidatesKey),
        };
    }
}
