using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.Arc;

/// <summary>Options of adaptive robust clipping (<c>defense_type: arc</c>).</summary>
public sealed class ArcOptions
{
    /// <summary><c>byzantine_client_num</c>: f, which sets how many of the largest updates are clipped.</summary>
    public static readonly IntParameter ByzantineClientNumKey = new("byzantine_client_num", 1, "f: ARC clips the k = floor(2(f/n)(n - f)) largest updates to the next largest norm (read from attack_args too).", min: 0);

    /// <summary>The keys ARC reads.</summary>
    public static readonly IParameter[] Keys = { ByzantineClientNumKey };

    /// <summary>f, the number of Byzantine clients tolerated.</summary>
    /// <value>The default value is 1.</value>
    public int ByzantineClientNum { get; init; } = ByzantineClientNumKey.Default;

    /// <summary>k = ⌊2(f/n)(n − f)⌋, the number of updates ARC clips among <paramref name="n"/> (0 when f ≥ n).</summary>
    public int ClippedCount(int n) => n <= 0 || ByzantineClientNum >= n ? 0 : 2 * ByzantineClientNum * (n - ByzantineClientNum) / n;

    /// <summary>Reads and validates the options (f must be below the clients per round).</summary>
    public static ArcOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new ArcOptions { ByzantineClientNum = args.Get(ByzantineClientNumKey) };
        int n = args.Shape.ClientsPerRound;
        if (options.ByzantineClientNum >= n)
        {
            args.Report(
                args.QualifiedKey(ByzantineClientNumKey.Key),
                $"ARC needs f below n, but f = {options.ByzantineClientNum} and n = {n} clients per round (train_args.client_num_per_round); the paper assumes f < n/2.");
        }

        return options;
    }
}
