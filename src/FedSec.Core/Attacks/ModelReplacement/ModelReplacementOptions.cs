using FedSec.Attacks.Backdoor;
using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.ModelReplacement;

/// <summary>Options of model replacement (<c>attack_type: model_replacement</c>), in FedML's vocabulary plus the backdoor's trigger keys.</summary>
public sealed class ModelReplacementOptions
{
    /// <summary><c>byzantine_client_num</c>: the number of attackers when <c>malicious_client_id</c> is not set.</summary>
    public static readonly IntParameter ClientNumKey = AttackerCount.Key;

    /// <summary><c>malicious_client_id</c>: explicit attacker identities (FedML's key; one id or a list).</summary>
    public static readonly IntListParameter MaliciousIdKey = new(
        "malicious_client_id",
        Array.Empty<int>(),
        "Identity (or list of identities) of the attacking client(s); unset = byzantine_client_num identities drawn from the seed.",
        min: 0);

    /// <summary><c>attack_training_rounds</c>: the rounds the attacker acts in (FedML's key).</summary>
    public static readonly IntListParameter RoundsKey = new(
        "attack_training_rounds",
        Array.Empty<int>(),
        "Rounds (0-based) in which the attacker trains on backdoored data and scales its update; empty = every round of the attack window.",
        min: 0);

    /// <summary><c>scale_factor</c>: γ.</summary>
    public static readonly OptionalParameter<double> ScaleFactorKey = new(
        new DoubleParameter(
            "scale_factor",
            1,
            "gamma: the attacker sends gamma*(X - G) + G; unset = n / (eta * attackers in the round), eta = 1 for FedAvg, which replaces G by X.",
            min: 0,
            minExclusive: true),
        "n/η (n clients in the round, η = 1), divided among the round's attackers");

    /// <summary><c>scale_factor_S</c>: S, the norm the scaled update is given (evades norm clipping at bound S).</summary>
    public static readonly OptionalParameter<double> NormBoundKey = new(
        new DoubleParameter(
            "scale_factor_S",
            1,
            "S: scale the update to norm S instead, gamma = S / |X - G| (to stay within a norm-clipping bound S).",
            min: 0,
            minExclusive: true),
        "unset (use scale_factor)");

    /// <summary>The keys this attack reads.</summary>
    public static readonly IParameter[] Keys =
        new IParameter[] { ClientNumKey, MaliciousIdKey, RoundsKey, ScaleFactorKey, NormBoundKey }.Concat(BackdoorOptions.TriggerKeys).ToArray();

    /// <summary>Number of attackers drawn from the seed when <see cref="MaliciousIds"/> is empty.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>Explicit attacker identities.</summary>
    /// <value>The default value is empty: drawn from the seed.</value>
    public IReadOnlyList<int> MaliciousIds { get; init; } = MaliciousIdKey.Default;

    /// <summary>The rounds the attacker acts in.</summary>
    /// <value>The default value is empty: every round of the attack window.</value>
    public IReadOnlyList<int> Rounds { get; init; } = RoundsKey.Default;

    /// <summary>γ, or null for n/(η·attackers).</summary>
    /// <value>The default value is null: γ = n/η split among the round's attackers, η = 1.</value>
    public double? ScaleFactor { get; init; } = ScaleFactorKey.Default;

    /// <summary>S, or null.</summary>
    /// <value>The default value is null.</value>
    public double? NormBound { get; init; } = NormBoundKey.Default;

    /// <summary>The backdoor the attacker trains on.</summary>
    /// <value>The default value is the <see cref="BackdoorOptions"/> defaults.</value>
    public BackdoorOptions Backdoor { get; init; } = new();

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static ModelReplacementOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var ids = args.Get(MaliciousIdKey);
        var rounds = args.Get(RoundsKey);
        var options = new ModelReplacementOptions
        {
            ClientNum = ids.Length > 0 ? ids.Length : AttackerCount.Read(args),
            MaliciousIds = ids,
            Rounds = rounds,
            ScaleFactor = args.Get(ScaleFactorKey),
            NormBound = args.Get(NormBoundKey),
            Backdoor = BackdoorOptions.ReadTrigger(args),
        };
        if (options.ScaleFactor is not null && options.NormBound is not null)
        {
            args.Report(args.QualifiedKey(NormBoundKey.Key), "scale_factor and scale_factor_S both set the scale; set only one (scale_factor_S scales the update to norm S).");
        }

        foreach (var id in ids.Where(i => i >= args.Shape.TotalClients).Distinct())
        {
            args.Report(args.QualifiedKey(MaliciousIdKey.Key), $"Client {id} does not exist; client identities run from 0 to {args.Shape.TotalClients - 1} (client_num_in_total = {args.Shape.TotalClients}).");
        }

        if (ids.Distinct().Count() != ids.Length)
        {
            args.Report(args.QualifiedKey(MaliciousIdKey.Key), "malicious_client_id names a client more than once; list each attacker once.");
        }

        foreach (var r in rounds.Where(r => r >= args.Shape.Rounds).Distinct())
        {
            args.Report(args.QualifiedKey(RoundsKey.Key), $"Round {r} never happens: rounds run from 0 to {args.Shape.Rounds - 1} (comm_round = {args.Shape.Rounds}).");
        }

        return options;
    }
}
