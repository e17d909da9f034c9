using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.Slsgd;

/// <summary>Options of SLSGD (<c>defense_type: slsgd</c>).</summary>
public sealed class SlsgdOptions
{
    /// <summary><c>trim_param_b</c>: b, the values dropped at each end of every coordinate (option 2).</summary>
    public static readonly IntParameter TrimParamBKey = new(
        "trim_param_b", 1, "b, the number of values dropped at each end of every coordinate before averaging (option_type 2); needs 2b < n.", min: 0);

    /// <summary><c>alpha</c>: α, the weight of the round's aggregate in the moving average with the global model.</summary>
    public static readonly DoubleParameter AlphaKey = new(
        "alpha", 0.5, "alpha, the moving-average weight: G <- (1 - alpha) G + alpha * aggregate (1 = plain replacement).", min: 0, max: 1, minExclusive: true);

    /// <summary><c>option_type</c>: 1 = plain weighted mean, 2 = coordinate-wise trimmed mean.</summary>
    public static readonly IntParameter OptionTypeKey = new(
        "option_type", 2, "1: aggregate by the weighted mean (no trimming); 2: by the coordinate-wise trimmed mean with trim_param_b.", min: 1, max: 2);

    /// <summary>The keys SLSGD reads.</summary>
    public static readonly IParameter[] Keys = { TrimParamBKey, AlphaKey, OptionTypeKey };

    /// <summary>b, the values trimmed per side.</summary>
    /// <value>The default value is 1.</value>
    public int TrimParamB { get; init; } = TrimParamBKey.Default;

    /// <summary>α, the moving-average weight.</summary>
    /// <value>The default value is 0.5.</value>
    public double Alpha { get; init; } = AlphaKey.Default;

    /// <summary>Whether the aggregate is the coordinate-wise trimmed mean (option 2) or the weighted mean (option 1).</summary>
    /// <value>The default value is true (option 2).</value>
    public bool Trimmed { get; init; } = OptionTypeKey.Default == 2;

    /// <summary>Reads and validates the options (2b &lt; n for option 2); problems go to <paramref name="args"/>.</summary>
    public static SlsgdOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new SlsgdOptions
        {
            TrimParamB = args.Get(TrimParamBKey),
            Alpha = args.Get(AlphaKey),
            Trimmed = args.Get(OptionTypeKey) == 2,
        };
        int n = args.Shape.ClientsPerRound;
        if (options.Trimmed && (2 * options.TrimParamB) >= n)
        {
            args.Report(
                args.QualifiedKey(TrimParamBKey.Key),
                $"trim_param_b = {options.TrimParamB} drops {2 * options.TrimParamB} of the {n} values of every coordinate (train_args.client_num_per_round), leaving nothing to average; use at most {(n - 1) / 2}.");
        }

        return options;
    }
}
