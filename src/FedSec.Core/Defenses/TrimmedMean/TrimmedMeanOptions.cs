using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.TrimmedMean;

/// <summary>Options of the coordinate-wise trimmed mean (<c>defense_type: trimmed_mean</c>).</summary>
public sealed class TrimmedMeanOptions
{
    /// <summary><c>beta</c>: β, the share of values dropped at each end of every coordinate.</summary>
    public static readonly DoubleParameter BetaKey = new(
        "beta", 0.1, "beta, the share of values dropped at each end of every coordinate: floor(beta * n) per side. Robust to f attackers when beta >= f/n.", min: 0, max: 0.5, maxExclusive: true);

    /// <summary>The keys the trimmed mean reads.</summary>
    public static readonly IParameter[] Keys = { BetaKey };

    /// <summary>β, the trimmed share per side.</summary>
    /// <value>The default value is 0.1.</value>
    public double Beta { get; init; } = BetaKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static TrimmedMeanOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        double beta = args.Get(BetaKey);
        int n = args.Shape.ClientsPerRound;
        int k = Aggregation.CoordinateTrimmedMean.TrimCount(n, beta);
        if (n - (2 * k) < 1)
        {
            args.Report(
                args.QualifiedKey(BetaKey.Key),
                $"beta = {beta} drops {k} of the {n} values (train_args.client_num_per_round) at each end, leaving nothing to average; use beta < 0.5.");
        }

        return new TrimmedMeanOptions { Beta = beta };
    }
}
