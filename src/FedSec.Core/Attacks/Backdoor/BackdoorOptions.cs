using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.Backdoor;

/// <summary>
/// Options of the BadNets pixel-pattern backdoor (<c>attack_type: backdoor</c>); its trigger and poisoning keys are
/// also those of <c>model_replacement</c>'s training step.
/// </summary>
public sealed class BackdoorOptions
{
    /// <summary><c>byzantine_client_num</c>: the number of malicious clients.</summary>
    public static readonly IntParameter ClientNumKey = AttackerCount.Key;

    /// <summary><c>trigger_size</c>: the side of the square trigger in pixels.</summary>
    public static readonly IntParameter SizeKey = new("trigger_size", 4, "Side of the square trigger in pixels.", min: 1);

    /// <summary><c>trigger_pattern</c>: filled square or checkerboard.</summary>
    public static readonly ChoiceParameter<TriggerPattern> PatternKey = new(
        "trigger_pattern",
        TriggerPattern.Square,
        "Trigger shape within its square: every pixel set, or a checkerboard.",
        ("square", TriggerPattern.Square),
        ("checkerboard", TriggerPattern.Checkerboard));

    /// <summary><c>trigger_position</c>: a corner, or x,y of the trigger's top-left pixel.</summary>
    public static readonly TriggerPositionParameter PositionKey = new(
        "trigger_position",
        new TriggerPosition(TriggerAnchor.BottomRight),
        "Where the trigger sits: a corner (flush with the edges) or x,y = column,row of its top-left pixel.");

    /// <summary><c>trigger_value</c>: the value of the trigger's pixels.</summary>
    public static readonly DoubleParameter ValueKey = new("trigger_value", 1.0, "Value of the trigger's pixels in every channel (images are in [0, 1]; 1 = white).", min: 0, max: 1);

    /// <summary><c>poison_fraction</c>: the share of a malicious client's samples that get the trigger.</summary>
    public static readonly DoubleParameter FractionKey = new(
        "poison_fraction",
        0.3,
        "Share of a malicious client's training samples stamped with the trigger and relabelled to target_label (seeded choice each round).",
        min: 0,
        max: 1,
        minExclusive: true);

    /// <summary><c>target_label</c>: the class triggered inputs should be classified as.</summary>
    public static readonly IntParameter TargetLabelKey = new("target_label", 0, "The class the trigger should make the model predict.", min: 0);

    /// <summary>The trigger and poisoning keys (shared with model replacement).</summary>
    public static readonly IParameter[] TriggerKeys = { SizeKey, PatternKey, PositionKey, ValueKey, FractionKey, TargetLabelKey };

    /// <summary>The keys this attack reads.</summary>
    public static readonly IParameter[] Keys = TriggerKeys.Prepend(ClientNumKey).ToArray();

    /// <summary>Number of malicious clients.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>Side of the trigger in pixels.</summary>
    /// <value>The default value is 4.</value>
    public int Size { get; init; } = SizeKey.Default;

    /// <summary>The trigger's shape.</summary>
    /// <value>The default value is <see cref="TriggerPattern.Square"/>.</value>
    public TriggerPattern Pattern { get; init; } = PatternKey.Default;

    /// <summary>Where the trigger sits.</summary>
    /// <value>The default value is the bottom-right corner, as in BadNets.</value>
    public TriggerPosition Position { get; init; } = PositionKey.Default;

    /// <summary>The value of the trigger's pixels.</summary>
    /// <value>The default value is 1 (white).</value>
    public float Value { get; init; } = (float)ValueKey.Default;

    /// <summary>The share of samples poisoned.</summary>
    /// <value>The default value is 0.3, about the 20 of 64 samples per batch of Bagdasaryan et al. and Xie et al.</value>
    public double PoisonFraction { get; init; } = FractionKey.Default;

    /// <summary>The target class.</summary>
    /// <value>The default value is 0.</value>
    public int TargetLabel { get; init; } = TargetLabelKey.Default;

    /// <summary>The trigger these options describe.</summary>
    public BackdoorTrigger Trigger() => BackdoorTrigger.Create(Pattern, Size, Value, Position);

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static BackdoorOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var trigger = ReadTrigger(args);
        return new BackdoorOptions
        {
            ClientNum = AttackerCount.Read(args),
            Size = trigger.Size,
            Pattern = trigger.Pattern,
            Position = trigger.Position,
            Value = trigger.Value,
            PoisonFraction = trigger.PoisonFraction,
            TargetLabel = trigger.TargetLabel,
        };
    }

    /// <summary>Reads only the trigger and poisoning keys (model replacement reads its clients differently).</summary>
    public static BackdoorOptions ReadTrigger(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return ReadTrigger(args, args.Get(FractionKey));
    }

    /// <summary>
    /// Reads the trigger keys and the target label, with a poisoned fraction the caller decides (an attack with its
    /// own <c>poison_fraction</c> default, or one that poisons every sample it trains on).
    /// </summary>
    public static BackdoorOptions ReadTrigger(ComponentArgs args, double poisonFraction)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new BackdoorOptions
        {
            Size = args.Get(SizeKey),
            Pattern = args.Get(PatternKey),
            Position = args.Get(PositionKey),
            Value = (float)args.Get(ValueKey),
            PoisonFraction = poisonFraction,
            TargetLabel = args.Get(TargetLabelKey),
        };
    }
}
