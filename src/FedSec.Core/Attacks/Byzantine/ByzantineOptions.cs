using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.Byzantine;

/// <summary>Options of the Byzantine attack (<c>attack_type: byzantine</c>).</summary>
public sealed class ByzantineOptions
{
    /// <summary><c>attack_mode</c>: zero, random or flip.</summary>
    public static readonly ChoiceParameter<ByzantineMode> ModeKey = new(
        "attack_mode",
        ByzantineMode.Random,
        "How the forged model is made: all zero, U[-1,1), or 2G - w.",
        ("zero", ByzantineMode.Zero),
        ("random", ByzantineMode.Random),
        ("flip", ByzantineMode.Flip));

    /// <summary><c>byzantine_client_num</c>: how many clients are Byzantine.</summary>
    public static readonly IntParameter ClientNumKey = new("byzantine_client_num", 1, "Number of Byzantine clients (fixed identities for the experiment).", min: 0);

    /// <summary>The keys this attack reads.</summary>
    public static readonly IParameter[] Keys = { ModeKey, ClientNumKey };

    /// <summary>The forging mode.</summary>
    /// <value>The default value is <see cref="ByzantineMode.Random"/>.</value>
    public ByzantineMode Mode { get; init; } = ModeKey.Default;

    /// <summary>Number of Byzantine clients.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static ByzantineOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new ByzantineOptions
        {
            Mode = args.Get(ModeKey),
            ClientNum = args.Get(ClientNumKey),
        };
        if (options.ClientNum > args.Shape.ClientsPerRound)
        {
            args.Report(
                args.QualifiedKey(ClientNumKey.Key),
                $"{options.ClientNum} Byzantine clients cannot take part in rounds of {args.Shape.ClientsPerRound} clients (train_args.client_num_per_round); use at most {args.Shape.ClientsPerRound}.");
        }

        return options;
    }
}
