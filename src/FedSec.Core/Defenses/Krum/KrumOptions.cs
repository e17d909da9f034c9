using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.Krum;

/// <summary>Options of Krum and m-Krum (<c>defense_type: krum</c> or <c>multikrum</c>).</summary>
public sealed class KrumOptions
{
    /// <summary><c>byzantine_client_num</c>: f, the number of Byzantine clients tolerated.</summary>
    public static readonly IntParameter ByzantineClientNumKey = new("byzantine_client_num", 1, "f, the number of Byzantine clients Krum tolerates (read from attack_args too).", min: 0);

    /// <summary><c>krum_param_m</c>: how many lowest-score updates are kept and averaged.</summary>
    public static readonly IntParameter MKey = new("krum_param_m", 1, "m, the number of lowest-score updates kept and averaged (1 = Krum; multikrum defaults to n - 2f - 2).", min: 1);

    /// <summary>The keys Krum reads.</summary>
    public static readonly IParameter[] Keys = { ByzantineClientNumKey, MKey };

    /// <summary>f, the number of Byzantine clients tolerated.</summary>
    /// <value>The default value is 1.</value>
    public int ByzantineClientNum { get; init; } = 1;

    /// <summary>m, the number of updates kept.</summary>
    /// <value>The default value is 1 (Krum); m-Krum's default is n − 2f − 2.</value>
    public int M { get; init; } = 1;

    /// <summary>Reads and validates the options against the number of clients per round (needs 2f + 2 ≤ n − m).</summary>
    public static KrumOptions Read(ComponentArgs args, bool multi)
    {
        ArgumentNullException.ThrowIfNull(args);
        int n = args.Shape.ClientsPerRound;
        int f = args.Get(ByzantineClientNumKey);
        int m = args.IsSet(MKey) || !multi ? args.Get(MKey) : Math.Max(1, n - (2 * f) - 2);
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

        return new KrumOptions { ByzantineClientNum = f, M = m };
    }
}
