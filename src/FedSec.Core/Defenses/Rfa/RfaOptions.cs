using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.Rfa;

/// <summary>Options of the geometric median (<c>defense_type: rfa</c> or <c>geo_median</c>).</summary>
public sealed class RfaOptions
{
    /// <summary><c>nu</c>: ν, the smoothing of the Weiszfeld weights.</summary>
    public static readonly DoubleParameter NuKey = new(
        "nu", 1e-6, "nu, the smoothing of smoothed Weiszfeld: a distance below nu counts as nu in the weights alpha_i / max(nu, |z - w_i|).", min: 0, minExclusive: true);

    /// <summary><c>max_iter</c>: the largest number of Weiszfeld steps.</summary>
    public static readonly IntParameter MaxIterKey = new(
        "max_iter", 100, "The largest number of Weiszfeld steps per round (FedML: 100).", min: 1);

    /// <summary><c>ftol</c>: the relative change of the objective at which Weiszfeld stops.</summary>
    public static readonly DoubleParameter FtolKey = new(
        "ftol", 1e-5, "Stop when the objective sum_i alpha_i |z - w_i| changes by at most ftol times its value.", min: 0, minExclusive: true);

    /// <summary><c>batch_num</c>: the number of buckets whose means enter the geometric median (geo_median).</summary>
    public static readonly IntParameter BatchNumKey = new(
        "batch_num", 0, "geo_median only: split the clients into this many buckets (seeded shuffle) and take the geometric median of the bucket means; 0 = one client per bucket.", min: 0);

    /// <summary>The keys <c>rfa</c> reads.</summary>
    public static readonly IParameter[] RfaKeys = { NuKey, MaxIterKey, FtolKey };

    /// <summary>The keys <c>geo_median</c> reads.</summary>
    public static readonly IParameter[] GeoMedianKeys = { NuKey, MaxIterKey, FtolKey, BatchNumKey };

    /// <summary>ν, the smoothing.</summary>
    /// <value>The default value is 1e-6.</value>
    public double Nu { get; init; } = NuKey.Default;

    /// <summary>The largest number of Weiszfeld steps.</summary>
    /// <value>The default value is 100.</value>
    public int MaxIter { get; init; } = MaxIterKey.Default;

    /// <summary>The relative objective tolerance.</summary>
    /// <value>The default value is 1e-5.</value>
    public double Ftol { get; init; } = FtolKey.Default;

    /// <summary>The number of buckets; 0 means no bucketing.</summary>
    /// <value>The default value is 0.</value>
    public int BatchNum { get; init; } = BatchNumKey.Default;

    /// <summary>Reads and validates the options; <paramref name="buckets"/> says whether <c>batch_num</c> applies.</summary>
    public static RfaOptions Read(ComponentArgs args, bool buckets)
    {
        ArgumentNullException.ThrowIfNull(args);
        int batchNum = buckets ? args.Get(BatchNumKey) : 0;
        int n = args.Shape.ClientsPerRound;
        if (batchNum > n)
        {
            args.Report(
                args.QualifiedKey(BatchNumKey.Key),
                $"batch_num = {batchNum} buckets cannot be filled by {n} clients per round (train_args.client_num_per_round); use between 1 and {n}, or 0 for none.");
        }

        return new RfaOptions
        {
            Nu = args.Get(NuKey),
            MaxIter = args.Get(MaxIterKey),
            Ftol = args.Get(FtolKey),
            BatchNum = batchNum,
        };
    }
}
