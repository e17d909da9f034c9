using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.Bulyan;

/// <summary>Options of Bulyan (<c>defense_type: bulyan</c>).</summary>
public sealed class BulyanOptions
{
    /// <summary><c>byzantine_client_num</c>: f, the number of Byzantine clients tolerated.</summary>
    public static readonly IntParameter ByzantineClientNumKey = new(
        "byzantine_client_num", 1, "f, the number of Byzantine clients Bulyan tolerates (read from attack_args too); needs n >= 4f + 3.", min: 0);

    /// <summary>The keys Bulyan reads.</summary>
    public static readonly IParameter[] Keys = { ByzantineClientNumKey };

    /// <summary>f, the number of Byzantine clients tolerated.</summary>
    /// <value>The default value is 1.</value>
    public int ByzantineClientNum { get; init; } = ByzantineClientNumKey.Default;

    /// <summary>Reads and validates the options against the number of clients per round (n ≥ 4f + 3).</summary>
    public static BulyanOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int f = args.Get(ByzantineClientNumKey);
        int n = args.Shape.ClientsPerRound;
        if (n < (4 * f) + 3)
        {
            args.Report(
                args.QualifiedKey(ByzantineClientNumKey.Key),
                $"Bulyan needs n ≥ 4f + 3, but byzantine_client_num = {f} and client_num_per_round = {n} give {n} < {(4 * f) + 3}; with n = {n}, byzantine_client_num may be at most {Math.Max(0, (n - 3) / 4)}, or raise client_num_per_round to at least {(4 * f) + 3}.");
        }

        return new BulyanOptions { ByzantineClientNum = f };
    }
}
