using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.CenteredClipping;

/// <summary>Options of centered clipping (<c>defense_type: cclip</c>).</summary>
public sealed class CenteredClippingOptions
{
    /// <summary><c>tau</c>: τ, the clipping radius around the current centre.</summary>
    public static readonly DoubleParameter TauKey = new(
        "tau", 10.0, "tau, the clipping radius: each (bucket) update's deviation from the centre is clipped to L2 norm tau.", min: 0, minExclusive: true);

    /// <summary><c>cclip_iterations</c>: L, the number of centred-clipping steps per round.</summary>
    public static readonly IntParameter IterationsKey = new(
        "cclip_iterations", 1, "L, the centred-clipping steps per round, starting from the previous round's aggregate (the paper finds L = 1 enough in practice).", min: 1);

    /// <summary><c>bucket_size</c>: s, the clients averaged into each bucket before clipping.</summary>
    public static readonly IntParameter BucketSizeKey = new(
        "bucket_size", 1, "s, clients per bucket (seeded shuffle, bucket means clipped instead of single updates); 1 = no bucketing.", min: 1);

    /// <summary>The keys centered clipping reads.</summary>
    public static readonly IParameter[] Keys = { TauKey, IterationsKey, BucketSizeKey };

    /// <summary>τ, the clipping radius.</summary>
    /// <value>The default value is 10.</value>
    public double Tau { get; init; } = TauKey.Default;

    /// <summary>L, the clipping steps per round.</summary>
    /// <value>The default value is 1.</value>
    public int Iterations { get; init; } = IterationsKey.Default;

    /// <summary>s, the bucket size.</summary>
    /// <value>The default value is 1 (no bucketing).</value>
    public int BucketSize { get; init; } = BucketSizeKey.Default;

    /// <summary>Reads and validates the options (s ≤ n); problems go to <paramref name="args"/>.</summary>
    public static CenteredClippingOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int s = args.Get(BucketSizeKey);
        int n = args.Shape.ClientsPerRound;
        if (s > n)
        {
            args.Report(
                args.QualifiedKey(BucketSizeKey.Key),
                $"bucket_size = {s} exceeds the {n} clients of a round (train_args.client_num_per_round); use between 1 and {n}.");
        }

        return new CenteredClippingOptions { Tau = args.Get(TauKey), Iterations = args.Get(IterationsKey), BucketSize = s };
    }
}
