using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.Krum;

/// <summary>Options of Krum and m-Krum (<c>defense_type: krum</c> or <c>multikrum</c>).</summary>
public sealed record KrumOptions
{
    /// <summary><c>byzantine_client_num</c>: f, the number of Byzantine clients tolerated.</summary>
    public static readonly IntParameter ByzantineClientNumKey = new("byzantine_client_num", 1, "f, the number of Byzantine clients Krum tolerates (read from attack_args too).", min: 0);

    /// <summary><c>krum_param_m</c>: how many lowest-score updates are kept and averaged; unset, 1 for Krum and n − 2f − 2 for m-Krum.</summary>
    public static readonly OptionalParameter<int> MKey = new(
        new IntParameter("krum_param_m", 1, "m, the number of lowest-score updates kept and averaged (unset: 1 for krum, n - 2f - 2 for multikrum).", min: 1),
        "1 (krum), n − 2f − 2 (multikrum)");

    /// <summary>The keys Krum reads.</summary>
    public static readonly IParameter[] Keys = { ByzantineClientNumKey, MKey };

    /// <summary>f, the number of Byzantine clients tolerated.</summary>
    /// <value>The default value is 1.</value>
    public int ByzantineClientNum { get; init; } = ByzantineClientNumKey.Default;

    /// <summary>m, the number of updates kept; null for the default of the rule (<see cref="KeptCount"/>).</summary>
    /// <value>The default value is null: 1 for Krum, n − 2f − 2 for m-Krum.</value>
    public int? M { get; init; } = MKey.Default;

    /// <summary>m for <paramref name="clientsPerRound"/> clients per round: <see cref="M"/> when set, else 1 for Krum and max(1, n − 2f − 2) for m-Krum.</summary>
    public int KeptCount(int clientsPerRound, bool multi) =>
        M ?? (multi ? Math.Max(1, clientsPerRound - (2 * ByzantineClientNum) - 2) : 1);

    /// <summary>Reads and validates the options against the number of clients per round (needs 2f + 2 ≤ n − m).</summary>
    public static KrumOptions Read(ComponentArgs args, bool multi)
    {
        ArgumentNullException.ThrowIfNull(args);
        int n = args.Shape.ClientsPerRound;
        var options = new KrumOptions { ByzantineClientNum = args.Get(ByzantineClientNumKey), M = args.Get(MKey) };
        int f = options.ByzantineClientNum, m = options.KeptCount(n, multi);
        if (n - (2 * f) - 2 < 1)
        {
            args.Report(
                args.QualifiedKey(ByzantineClientNumKey.Key),
                $"Krum tolerates at most f = {(n - 3) / 2} Byzantine clients among n = {n} per round (it needs 2f + 2 ≤ n − m with m ≥ 1), but byzantine_client_num is {f}; lower it or raise client_num_per_round.");
        }
        else if ((2 * f) + 2 > n - m)
        {
            args.Report(
                args.QualifiedKey(MKey.Key),
                $"Krum needs 2f + 2 ≤ n − m, but f = {f} (byzantine_client_num), m = {m} and n = {n} (client_num_per_round) give {(2 * f) + 2} > {n - m}; with n = {n} and f = {f}, m may be at most {n - (2 * f) - 2}.");
        }

        return options;
    }
}
