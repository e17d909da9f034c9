using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Torch.Triggers.Iba;

/// <summary>
/// Options of IBA (<c>attack_type: iba</c>): the generator's budget ε and training (IBA's <c>atk_eps</c> 0.3,
/// <c>atk_lr</c> 0.01, up to 100 generator epochs stopped once the attacker's own backdoor accuracy reaches 0.85),
/// the poisoned share (IBA weighs the clean and the poisoned loss equally: α = 0.5), and the two durability tricks on by
/// default: the projection onto the L2 ball of radius <c>pgd_eps</c> around the global model, and training only the
/// <c>gradmask_ratio</c> of coordinates least important to the main task.
/// </summary>
public sealed record IbaOptions
{
    /// <summary><c>byzantine_client_num</c>: the number of malicious clients.</summary>
    public static readonly IntParameter ClientNumKey = AttackerCount.Key;

    /// <summary><c>target_label</c>: the class triggered inputs should be classified as.</summary>
    public static readonly IntParameter TargetLabelKey = new("target_label", 0, "The class IBA's generated trigger should make the model predict (all-to-one).", min: 0);

    /// <summary><c>poison_fraction</c>: the share of a malicious client's samples replaced by their triggered copy.</summary>
    public static readonly DoubleParameter FractionKey = new(
        "poison_fraction",
        0.5,
        "Share of a malicious client's training samples replaced by G(x) relabelled to target_label; 0.5 weighs the clean and the backdoor loss equally, as IBA's alpha = 0.5.",
        min: 0,
        max: 1,
        minExclusive: true);

    /// <summary><c>iba_eps</c>: the L∞ budget ε of the generated perturbation.</summary>
    public static readonly DoubleParameter EpsilonKey = new(
        "iba_eps",
        0.3,
        "L-infinity budget epsilon of IBA's trigger: a poisoned image is clip(x + epsilon * G(x), 0, 1) with G's output in (-1, 1) (atk_eps).",
        min: 0,
        max: 1,
        minExclusive: true);

    /// <summary><c>iba_generator_lr</c>: Adam's learning rate for the generator.</summary>
    public static readonly DoubleParameter GeneratorLrKey = new("iba_generator_lr", 0.01, "Adam learning rate of IBA's trigger generator (atk_lr).", min: 0, minExclusive: true);

    /// <summary><c>iba_generator_epochs</c>: the most generator epochs per round.</summary>
    public static readonly IntParameter GeneratorEpochsKey = new(
        "iba_generator_epochs",
        100,
        "Most passes over the attacker's data training the generator each round; it stops earlier once the global model classifies 85% of the attacker's generated images as the target.",
        min: 1);

    /// <summary><c>pgd_eps</c>: the radius of the projection ball around the global model.</summary>
    public static readonly DoubleParameter PgdEpsKey = new(
        "pgd_eps",
        2.0,
        "IBA's model projection: the attacker's model is projected into the L2 ball of this radius around the global model (trainable parameters) during local training.",
        min: 0,
        minExclusive: true);

    /// <summary><c>gradmask_ratio</c>: the share of trainable coordinates the attacker trains.</summary>
    public static readonly DoubleParameter MaskRatioKey = new(
        "gradmask_ratio",
        0.95,
        "Share of trainable coordinates IBA's attacker trains: those with the smallest clean-data gradient at the global model (least important to the main task); 1 trains every coordinate.",
        min: 0,
        max: 1,
        minExclusive: true);

    /// <summary>The keys IBA reads.</summary>
    public static readonly IParameter[] Keys = { ClientNumKey, TargetLabelKey, FractionKey, EpsilonKey, GeneratorLrKey, GeneratorEpochsKey, PgdEpsKey, MaskRatioKey };

    /// <summary>Number of malicious clients.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>The target class.</summary>
    /// <value>The default value is 0.</value>
    public int TargetLabel { get; init; } = TargetLabelKey.Default;

    /// <summary>Share of samples poisoned.</summary>
    /// <value>The default value is 0.5.</value>
    public double PoisonFraction { get; init; } = FractionKey.Default;

    /// <summary>ε.</summary>
    /// <value>The default value is 0.3.</value>
    public double Epsilon { get; init; } = EpsilonKey.Default;

    /// <summary>The generator's learning rate.</summary>
    /// <value>The default value is 0.01.</value>
    public double GeneratorLr { get; init; } = GeneratorLrKey.Default;

    /// <summary>The most generator epochs per round.</summary>
    /// <value>The default value is 100.</value>
    public int GeneratorEpochs { get; init; } = GeneratorEpochsKey.Default;

    /// <summary>The projection radius.</summary>
    /// <value>The default value is 2.</value>
    public double PgdEps { get; init; } = PgdEpsKey.Default;

    /// <summary>The trained share of coordinates.</summary>
    /// <value>The default value is 0.95.</value>
    public double MaskRatio { get; init; } = MaskRatioKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static IbaOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new IbaOptions
        {
            ClientNum = AttackerCount.Read(args),
            TargetLabel = args.Get(TargetLabelKey),
            PoisonFraction = args.Get(FractionKey),
            Epsilon = args.Get(EpsilonKey),
            GeneratorLr = args.Get(GeneratorLrKey),
            GeneratorEpochs = args.Get(GeneratorEpochsKey),
            PgdEps = args.Get(PgdEpsKey),
            MaskRatio = args.Get(MaskRatioKey),
        };
    }
}
