using FedSec.Attacks.Backdoor;
using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Torch.Triggers.A3fl;

/// <summary>
/// Options of A3FL (<c>attack_type: a3fl</c>). Defaults are those of the authors' configuration (Zhang et al.,
/// NeurIPS 2023, <c>main/configs/config.yaml</c>): a 5 × 5 trigger at (2, 2), 25 % of the attacker's samples poisoned,
/// target class 2, 200 trigger passes with step 0.01, one adversarial model retrained for 5 epochs before every pass
/// after the first, weighted by λ = 0.01.
/// </summary>
public sealed record A3flOptions
{
    /// <summary><c>byzantine_client_num</c>: the number of malicious clients.</summary>
    public static readonly IntParameter ClientNumKey = AttackerCount.Key;

    /// <summary><c>trigger_size</c>: the side of the square region the trigger pattern covers.</summary>
    public static readonly IntParameter SizeKey = new("trigger_size", 5, "Side in pixels of the square region (the mask) whose pixels A3FL's trigger pattern sets.", min: 1);

    /// <summary><c>trigger_position</c>: where the trigger's region sits.</summary>
    public static readonly TriggerPositionParameter PositionKey = new(
        "trigger_position",
        new TriggerPosition(TriggerAnchor.At, 2, 2),
        "Where A3FL's trigger region sits: a corner or x,y = column,row of its top-left pixel (the paper's code: 2,2).");

    /// <summary><c>poison_fraction</c>: the share of a malicious client's samples that get the trigger.</summary>
    public static readonly DoubleParameter FractionKey = new(
        "poison_fraction",
        0.25,
        "Share of a malicious client's training samples stamped with the optimised trigger and relabelled to target_label (A3FL's bkd_ratio).",
        min: 0,
        max: 1,
        minExclusive: true);

    /// <summary><c>target_label</c>: the class triggered inputs should be classified as.</summary>
    public static readonly IntParameter TargetLabelKey = new("target_label", 2, "The class the trigger should make the model predict (A3FL's target_class).", min: 0);

    /// <summary><c>a3fl_trigger_lr</c>: the step of the sign-gradient trigger updates.</summary>
    public static readonly DoubleParameter TriggerLrKey = new(
        "a3fl_trigger_lr",
        0.01,
        "Step α of A3FL's trigger update t ← clip(t − α·sign(∇t loss), 0, 1), in pixel units.",
        min: 0,
        minExclusive: true);

    /// <summary><c>a3fl_trigger_epochs</c>: passes over the attacker's data per trigger search.</summary>
    public static readonly IntParameter TriggerEpochsKey = new("a3fl_trigger_epochs", 200, "Passes over the attacker's data in each round's trigger search (A3FL's trigger_outter_epochs).", min: 1);

    /// <summary><c>a3fl_adv_epochs</c>: epochs of training of each adversarial model.</summary>
    public static readonly IntParameter AdvEpochsKey = new("a3fl_adv_epochs", 5, "Epochs the adversarially adapted copy of the global model trains to unlearn the current trigger (dm_adv_epochs).", min: 1);

    /// <summary><c>a3fl_adv_interval</c>: trigger passes between retrainings of the adversarial models.</summary>
    public static readonly IntParameter AdvIntervalKey = new("a3fl_adv_interval", 1, "Trigger passes between retrainings of the adversarial models; none in the first pass (dm_adv_K).", min: 1);

    /// <summary><c>a3fl_adv_models</c>: how many adversarial models are trained.</summary>
    public static readonly IntParameter AdvModelsKey = new("a3fl_adv_models", 1, "Number of adversarially adapted models the trigger must also fool (dm_adv_model_count); 0 optimises against the global model alone.", min: 0);

    /// <summary><c>a3fl_adv_lambda</c>: the weight λ of the adversarial models' loss.</summary>
    public static readonly DoubleParameter AdvLambdaKey = new(
        "a3fl_adv_lambda",
        0.01,
        "Weight λ of the adversarial models' backdoor loss, further scaled by each model's cosine similarity to the global model (noise_loss_lambda).",
        min: 0);

    /// <summary>The keys A3FL reads.</summary>
    public static readonly IParameter[] Keys =
    {
        ClientNumKey, SizeKey, PositionKey, FractionKey, TargetLabelKey, TriggerLrKey, TriggerEpochsKey, AdvEpochsKey, AdvIntervalKey, AdvModelsKey, AdvLambdaKey,
    };

    /// <summary>Number of malicious clients.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>Side of the trigger region.</summary>
    /// <value>The default value is 5.</value>
    public int Size { get; init; } = SizeKey.Default;

    /// <summary>Where the trigger region sits.</summary>
    /// <value>The default value is 2,2.</value>
    public TriggerPosition Position { get; init; } = PositionKey.Default;

    /// <summary>Share of samples poisoned.</summary>
    /// <value>The default value is 0.25.</value>
    public double PoisonFraction { get; init; } = FractionKey.Default;

    /// <summary>The target class.</summary>
    /// <value>The default value is 2.</value>
    public int TargetLabel { get; init; } = TargetLabelKey.Default;

    /// <summary>The trigger step α.</summary>
    /// <value>The default value is 0.01.</value>
    public double TriggerLr { get; init; } = TriggerLrKey.Default;

    /// <summary>Passes of the trigger search.</summary>
    /// <value>The default value is 200.</value>
    public int TriggerEpochs { get; init; } = TriggerEpochsKey.Default;

    /// <summary>Epochs of each adversarial model.</summary>
    /// <value>The default value is 5.</value>
    public int AdvEpochs { get; init; } = AdvEpochsKey.Default;

    /// <summary>Passes between adversarial retrainings.</summary>
    /// <value>The default value is 1.</value>
    public int AdvInterval { get; init; } = AdvIntervalKey.Default;

    /// <summary>Number of adversarial models.</summary>
    /// <value>The default value is 1.</value>
    public int AdvModels { get; init; } = AdvModelsKey.Default;

    /// <summary>λ.</summary>
    /// <value>The default value is 0.01.</value>
    public double AdvLambda { get; init; } = AdvLambdaKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static A3flOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new A3flOptions
        {
            ClientNum = AttackerCount.Read(args),
            Size = args.Get(SizeKey),
            Position = args.Get(PositionKey),
            PoisonFraction = args.Get(FractionKey),
            TargetLabel = args.Get(TargetLabelKey),
            TriggerLr = args.Get(TriggerLrKey),
            TriggerEpochs = args.Get(TriggerEpochsKey),
            AdvEpochs = args.Get(AdvEpochsKey),
            AdvInterval = args.Get(AdvIntervalKey),
            AdvModels = args.Get(AdvModelsKey),
            AdvLambda = args.Get(AdvLambdaKey),
        };
    }
}
