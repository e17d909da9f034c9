using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.Dnc;

/// <summary>Options of Divide-and-Conquer (<c>defense_type: dnc</c>).</summary>
public sealed class DncOptions
{
    /// <summary><c>byzantine_client_num</c>: f, the number of Byzantine clients tolerated.</summary>
    public static readonly IntParameter ByzantineClientNumKey = new("byzantine_client_num", 1, "f, the number of Byzantine clients DnC tolerates (read from attack_args too).", min: 0);

    /// <summary><c>filter_frac</c>: c, DnC removes ⌊c·f⌋ updates per iteration.</summary>
    public static readonly DoubleParameter FilterFracKey = new("filter_frac", 1.0, "c, the filtering fraction: each iteration removes the floor(c*f) highest outlier scores.", min: 0, minExclusive: true);

    /// <summary><c>subsample_dim</c>: b, the number of coordinates sampled per iteration.</summary>
    public static readonly IntParameter SubsampleDimKey = new("subsample_dim", 10000, "b, the number of coordinates sampled per iteration (all of them when the model is smaller).", min: 1);

    /// <summary><c>dnc_iterations</c>: how many subsamples are drawn; an update must survive all of them.</summary>
    public static readonly IntParameter IterationsKey = new("dnc_iterations", 5, "niters, the number of subsampling iterations; the kept updates are those no iteration removed.", min: 1);

    /// <summary>The keys DnC reads.</summary>
    public static readonly IParameter[] Keys = { ByzantineClientNumKey, FilterFracKey, SubsampleDimKey, IterationsKey };

    /// <summary>f, the number of Byzantine clients tolerated.</summary>
    /// <value>The default value is 1.</value>
    public int ByzantineClientNum { get; init; } = ByzantineClientNumKey.Default;

    /// <summary>c, the filtering fraction.</summary>
    /// <value>The default value is 1.0 (the paper's).</value>
    public double FilterFrac { get; init; } = FilterFracKey.Default;

    /// <summary>b, the number of sampled coordinates.</summary>
    /// <value>The default value is 10 000 (the paper's).</value>
    public int SubsampleDim { get; init; } = SubsampleDimKey.Default;

    /// <summary>niters, the number of subsampling iterations.</summary>
    /// <value>The default value is 5 (reimplementations differ: several use 5, Blades uses 1).</value>
    public int Iterations { get; init; } = IterationsKey.Default;

    /// <summary>How many updates one iteration removes out of <paramref name="n"/>: ⌊c·f⌋, leaving at least one.</summary>
    public int RemovedPerIteration(int n) => Math.Min(Math.Max(n - 1, 0), (int)Math.Floor(FilterFrac * ByzantineClientNum));

    /// <summary>Reads and validates the options (⌊c·f⌋ must leave at least one of the n clients per round).</summary>
    public static DncOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new DncOptions
        {
            ByzantineClientNum = args.Get(ByzantineClientNumKey),
            FilterFrac = args.Get(FilterFracKey),
            SubsampleDim = args.Get(SubsampleDimKey),
            Iterations = args.Get(IterationsKey),
        };
        int n = args.Shape.ClientsPerRound;
        int removed = (int)Math.Floor(options.FilterFrac * options.ByzantineClientNum);
        if (removed >= n)
        {
            args.Report(
                args.QualifiedKey(FilterFracKey.Key),
                $"DnC removes floor(c·f) = floor({options.FilterFrac} × {options.ByzantineClientNum}) = {removed} updates per iteration, which leaves none of the n = {n} clients per round (train_args.client_num_per_round); c·f must be below n.");
        }

        return options;
    }
}
