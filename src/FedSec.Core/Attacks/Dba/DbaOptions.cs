using FedSec.Attacks.Backdoor;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.Dba;

/// <summary>Options of the distributed backdoor attack (<c>attack_type: dba</c>).</summary>
public sealed class DbaOptions
{
    /// <summary><c>byzantine_client_num</c>: the number of attackers (one per part by default).</summary>
    public static readonly IntParameter ClientNumKey = new(
        "byzantine_client_num",
        4,
        "Number of DBA attackers (fixed identities); the k-th attacker stamps part k mod dba_parts.",
        min: 0);

    /// <summary><c>dba_parts</c>: how many local parts the global trigger is split into.</summary>
    public static readonly IntParameter PartsKey = new("dba_parts", 4, "Number of local triggers (bars) the global trigger is split into.", min: 1);

    /// <summary><c>trigger_size</c>: the length of each bar in pixels.</summary>
    public static readonly IntParameter SizeKey = new("trigger_size", 4, "Length of each local trigger bar in pixels.", min: 1);

    /// <summary><c>dba_bar_height</c>: the height of each bar in pixels.</summary>
    public static readonly IntParameter BarHeightKey = new("dba_bar_height", 1, "Height of each local trigger bar in pixels.", min: 1);

    /// <summary><c>dba_gap</c>: pixels between neighbouring bars.</summary>
    public static readonly IntParameter GapKey = new("dba_gap", 2, "Pixels between neighbouring bars, across and down.", min: 0);

    /// <summary><c>trigger_position</c>: where the global trigger's rectangle sits.</summary>
    public static readonly TriggerPositionParameter PositionKey = new(
        "trigger_position",
        new TriggerPosition(TriggerAnchor.TopLeft),
        "Where the global trigger sits: a corner or x,y of its top-left pixel (the paper's MNIST trigger starts at the top-left pixel).");

    /// <summary>The keys this attack reads.</summary>
    public static readonly IParameter[] Keys =
    {
        ClientNumKey, PartsKey, SizeKey, BarHeightKey, GapKey, PositionKey,
        BackdoorOptions.ValueKey, BackdoorOptions.FractionKey, BackdoorOptions.TargetLabelKey,
    };

    /// <summary>Number of attackers.</summary>
    /// <value>The default value is 4, one per part.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>Number of parts.</summary>
    /// <value>The default value is 4, the paper's.</value>
    public int Parts { get; init; } = PartsKey.Default;

    /// <summary>Bar length.</summary>
    /// <value>The default value is 4, the paper's MNIST setting.</value>
    public int Size { get; init; } = SizeKey.Default;

    /// <summary>Bar height.</summary>
    /// <value>The default value is 1.</value>
    public int BarHeight { get; init; } = BarHeightKey.Default;

    /// <summary>Gap between bars.</summary>
    /// <value>The default value is 2, the paper's MNIST setting.</value>
    public int Gap { get; init; } = GapKey.Default;

    /// <summary>Where the global trigger sits.</summary>
    /// <value>The default value is the top-left corner (the paper's shift 0).</value>
    public TriggerPosition Position { get; init; } = PositionKey.Default;

    /// <summary>The value of the trigger's pixels.</summary>
    /// <value>The default value is 1 (white).</value>
    public float Value { get; init; } = (float)BackdoorOptions.ValueKey.Default;

    /// <summary>The share of samples poisoned.</summary>
    /// <value>The default value is 0.3, about the paper's 20 of 64 samples per batch.</value>
    public double PoisonFraction { get; init; } = BackdoorOptions.FractionKey.Default;

    /// <summary>The target class.</summary>
    /// <value>The default value is 0.</value>
    public int TargetLabel { get; init; } = BackdoorOptions.TargetLabelKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static DbaOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new DbaOptions
        {
            ClientNum = args.Get(ClientNumKey),
            Parts = args.Get(PartsKey),
            Size = args.Get(SizeKey),
            BarHeight = args.Get(BarHeightKey),
            Gap = args.Get(GapKey),
            Position = args.Get(PositionKey),
            Value = (float)args.Get(BackdoorOptions.ValueKey),
            PoisonFraction = args.Get(BackdoorOptions.FractionKey),
            TargetLabel = args.Get(BackdoorOptions.TargetLabelKey),
        };
        if (options.ClientNum > args.Shape.ClientsPerRound)
        {
            args.Report(
                args.QualifiedKey(ClientNumKey.Key),
                $"{options.ClientNum} DBA attackers cannot take part in rounds of {args.Shape.ClientsPerRound} clients (train_args.client_num_per_round); use at most {args.Shape.ClientsPerRound}.");
        }

        return options;
    }
}
