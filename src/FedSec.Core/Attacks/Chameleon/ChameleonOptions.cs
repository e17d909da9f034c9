using FedSec.Attacks.Backdoor;
using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.Chameleon;

/// <summary>
/// Options of Chameleon (<c>attack_type: chameleon</c>): the backdoor's trigger, target and poisoning keys, and the two
/// training stages with the defaults of the authors' CIFAR-10 pixel-pattern configuration
/// (<c>utils/params_pixel_trigger_cifar10.yaml</c> of <c>ybdai7/Chameleon-durable-backdoor</c>; see
/// <see cref="ContrastiveBackdoorSettings"/> for why not their EMNIST one).
/// </summary>
public sealed class ChameleonOptions
{
    /// <summary><c>poison_fraction</c>, with Chameleon's default: 7 poisoned samples per batch of 64.</summary>
    public static readonly DoubleParameter FractionKey = new(
        "poison_fraction",
        7.0 / 64,
        "Share of a malicious client's training samples stamped with the trigger and relabelled to target_label (the authors' 7 of every 64: poison_batch_len 7, batch_size 64).",
        min: 0,
        max: 1,
        minExclusive: true);

    /// <summary><c>chameleon_contrastive_epochs</c>.</summary>
    public static readonly IntParameter ContrastiveEpochsKey = new("chameleon_contrastive_epochs", 10, "Epochs of the supervised-contrastive stage on the encoder (retrain_poison_contrastive).", min: 1);

    /// <summary><c>chameleon_contrastive_lr</c>.</summary>
    public static readonly DoubleParameter ContrastiveLrKey = new("chameleon_contrastive_lr", 0.005, "SGD learning rate of the contrastive stage (poison_lr_contrastive; multiplied by chameleon_contrastive_lr_gamma from epochs 3, 5, 7 and 9, milestones_conrtastive).", min: 0, minExclusive: true);

    /// <summary><c>chameleon_contrastive_lr_gamma</c>.</summary>
    public static readonly DoubleParameter ContrastiveGammaKey = new("chameleon_contrastive_lr_gamma", 0.1, "Factor of the contrastive stage's learning rate at each of its milestones (lr_gamma_contrastive: 0.1 in the authors' CIFAR-10 configuration, 0.005 in their EMNIST one).", min: 0, max: 1, minExclusive: true);

    /// <summary><c>chameleon_head_epochs</c>.</summary>
    public static readonly IntParameter HeadEpochsKey = new("chameleon_head_epochs", 3, "Epochs of the cross-entropy stage on the classifier head, encoder frozen (retrain_poison).", min: 1);

    /// <summary><c>chameleon_head_lr</c>.</summary>
    public static readonly DoubleParameter HeadLrKey = new("chameleon_head_lr", 0.001, "SGD learning rate of the head stage (poison_lr; multiplied by chameleon_head_lr_gamma from epochs 3 and 5, milestones).", min: 0, minExclusive: true);

    /// <summary><c>chameleon_head_lr_gamma</c>.</summary>
    public static readonly DoubleParameter HeadGammaKey = new("chameleon_head_lr_gamma", 0.005, "Factor of the head stage's learning rate at each of its milestones (lr_gamma).", min: 0, max: 1, minExclusive: true);

    /// <summary><c>chameleon_temperature</c>.</summary>
    public static readonly DoubleParameter TemperatureKey = new("chameleon_temperature", 0.07, "Temperature of the supervised-contrastive loss (the authors' SupConLoss).", min: 0, minExclusive: true);

    /// <summary><c>chameleon_facilitator_weight</c>.</summary>
    public static readonly DoubleParameter FacilitatorWeightKey = new("chameleon_facilitator_weight", 6, "Weight of the positive terms of anchors labelled target_label, poisoned samples and facilitators (contrastive_loss_scale_weight).", min: 0);

    /// <summary><c>chameleon_projection_norm</c>.</summary>
    public static readonly DoubleParameter ProjectionNormKey = new("chameleon_projection_norm", 5, "After every step the model is projected into the L2 ball of this radius around the global model (s_norm); 0 = no projection.", min: 0);

    /// <summary>The keys Chameleon reads.</summary>
    public static readonly IParameter[] Keys =
    {
        AttackerCount.Key, BackdoorOptions.SizeKey, BackdoorOptions.PatternKey, BackdoorOptions.PositionKey, BackdoorOptions.ValueKey, FractionKey,
        BackdoorOptions.TargetLabelKey, ContrastiveEpochsKey, ContrastiveLrKey, ContrastiveGammaKey, HeadEpochsKey, HeadLrKey, HeadGammaKey, TemperatureKey, FacilitatorWeightKey,
        ProjectionNormKey,
    };

    /// <summary>Number of malicious clients.</summary>
    /// <value>The default value is 1 (the authors' <c>number_of_adversaries</c>).</value>
    public int ClientNum { get; init; } = AttackerCount.Key.Default;

    /// <summary>The trigger, target and poison fraction.</summary>
    /// <value>The default value is the backdoor's trigger with a poison fraction of 7/64.</value>
    public BackdoorOptions Backdoor { get; init; } = new() { PoisonFraction = FractionKey.Default };

    /// <summary>Contrastive-stage epochs.</summary>
    /// <value>The default value is 10.</value>
    public int ContrastiveEpochs { get; init; } = ContrastiveEpochsKey.Default;

    /// <summary>Contrastive-stage learning rate.</summary>
    /// <value>The default value is 0.005.</value>
    public double ContrastiveLearningRate { get; init; } = ContrastiveLrKey.Default;

    /// <summary>Contrastive-stage learning-rate factor per milestone.</summary>
    /// <value>The default value is 0.1.</value>
    public double ContrastiveGamma { get; init; } = ContrastiveGammaKey.Default;

    /// <summary>Head-stage epochs.</summary>
    /// <value>The default value is 3.</value>
    public int HeadEpochs { get; init; } = HeadEpochsKey.Default;

    /// <summary>Head-stage learning rate.</summary>
    /// <value>The default value is 0.001.</value>
    public double HeadLearningRate { get; init; } = HeadLrKey.Default;

    /// <summary>Head-stage learning-rate factor per milestone.</summary>
    /// <value>The default value is 0.005.</value>
    public double HeadGamma { get; init; } = HeadGammaKey.Default;

    /// <summary>The contrastive loss's temperature.</summary>
    /// <value>The default value is 0.07.</value>
    public double Temperature { get; init; } = TemperatureKey.Default;

    /// <summary>The facilitators' weight.</summary>
    /// <value>The default value is 6.</value>
    public double FacilitatorWeight { get; init; } = FacilitatorWeightKey.Default;

    /// <summary>The projection radius (0 = none).</summary>
    /// <value>The default value is 5.</value>
    public double ProjectionNorm { get; init; } = ProjectionNormKey.Default;

    /// <summary>The training settings these options describe.</summary>
    public ContrastiveBackdoorSettings Settings() => new()
    {
        FacilitatorLabel = Backdoor.TargetLabel,
        Temperature = Temperature,
        FacilitatorWeight = FacilitatorWeight,
        ContrastiveEpochs = ContrastiveEpochs,
        ContrastiveLearningRate = ContrastiveLearningRate,
        ContrastiveGamma = ContrastiveGamma,
        HeadEpochs = HeadEpochs,
        HeadLearningRate = HeadLearningRate,
        HeadGamma = HeadGamma,
        ProjectionNorm = ProjectionNorm,
    };

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static ChameleonOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new ChameleonOptions
        {
            ClientNum = AttackerCount.Read(args),
            Backdoor = BackdoorOptions.ReadTrigger(args, args.Get(FractionKey)),
            ContrastiveEpochs = args.Get(ContrastiveEpochsKey),
            ContrastiveLearningRate = args.Get(ContrastiveLrKey),
            ContrastiveGamma = args.Get(ContrastiveGammaKey),
            HeadEpochs = args.Get(HeadEpochsKey),
            HeadLearningRate = args.Get(HeadLrKey),
            HeadGamma = args.Get(HeadGammaKey),
            Temperature = args.Get(TemperatureKey),
            FacilitatorWeight = args.Get(FacilitatorWeightKey),
            ProjectionNorm = args.Get(ProjectionNormKey),
        };
    }
}
