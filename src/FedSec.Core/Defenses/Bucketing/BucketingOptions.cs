using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.Bucketing;

/// <summary>Options of bucketing (<c>defense_type: bucketing</c>).</summary>
public sealed class BucketingOptions
{
    /// <summary><c>bucket_size</c>: s, how many shuffled updates each bucket averages (FedML's key).</summary>
    public static readonly IntParameter BucketSizeKey = new("bucket_size", 2, "s: the updates are shuffled and averaged in buckets of s (the last may be smaller); 1 leaves them as they are.", min: 1);

    /// <summary>The keys bucketing reads.</summary>
    public static readonly IParameter[] Keys = { BucketSizeKey };

    /// <summary>s, the bucket size.</summary>
    /// <value>The default value is 2 (the paper's usual choice).</value>
    public int BucketSize { get; init; } = BucketSizeKey.Default;

    /// <summary>Reads and validates the options (s may not exceed the clients per round).</summary>
    public static BucketingOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BucketingOptions { BucketSize = args.Get(BucketSizeKey) };
        int n = args.Shape.ClientsPerRound;
        if (options.BucketSize > n)
        {
            args.Report(
                args.QualifiedKey(BucketSizeKey.Key),
                $"a bucket of {options.BucketSize} cannot be filled from n = {n} clients per round (train_args.client_num_per_round); use bucket_size between 1 and {n}.");
        }

        return options;
    }
}
