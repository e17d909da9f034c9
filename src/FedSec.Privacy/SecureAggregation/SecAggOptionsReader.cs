using FedSec.Configuration;

namespace FedSec.Privacy.SecureAggregation;

/// <summary>Reads <c>secure_aggregation_args</c> and resolves its derived values against the clients per round.</summary>
internal static class SecAggOptionsReader
{
    /// <summary>The options with num_shares, the threshold and Q resolved; null when off or a key had a problem.</summary>
    public static SecAggOptions? Read(ComponentArgs args)
    {
        if (!args.Get(SecAggOptions.EnableKey))
        {
            return null;
        }

        int before = args.Problems.Count;
        var o = new SecAggOptions
        {
            NumShares = args.Get(SecAggOptions.NumSharesKey),
            Threshold = args.Get(SecAggOptions.ThresholdKey),
            ClippingRange = args.Get(SecAggOptions.ClippingRangeKey),
            QuantizationRange = args.Get(SecAggOptions.QuantizationRangeKey),
            DropoutRate = args.Get(SecAggOptions.DropoutRateKey),
        };
        if (args.Problems.Count > before)
        {
            return null;
        }

        int m = args.Shape.ClientsPerRound;
        if (m < 2)
        {
            args.Report(SecAggOptions.EnableKey.Key, $"secure aggregation needs at least 2 clients per round to hide one among; client_num_per_round is {m}.");
            return null;
        }

        int shares = o.NumShares ?? m;
        if (shares > m)
        {
            args.Report(SecAggOptions.NumSharesKey.Key, $"{shares} shares need {shares} clients, but client_num_per_round is {m}; use at most {m}.");
        }
        else if (shares < m && shares % 2 == 0)
        {
            args.Report(SecAggOptions.NumSharesKey.Key, $"{shares} is even; a client shares with itself and the same number of neighbours on each side of a ring, so use an odd number, or {m} (every pair).");
        }

        int threshold = o.Threshold ?? (shares / 2) + 1;
        if (threshold > Math.Min(shares, m))
        {
            args.Report(SecAggOptions.ThresholdKey.Key, $"{threshold} is above the {Math.Min(shares, m)} shares each client makes (num_shares, at most client_num_per_round = {m}); no secret could be reconstructed.");
        }

        long q = o.QuantizationRange ?? FixedPoint.DefaultRange(m);
        if (q * m >= 1L << 32)
        {
            args.Report(SecAggOptions.QuantizationRangeKey.Key, $"{q} · {m} clients per round reaches 2^32: the sum of the quantised vectors would wrap around; use at most {FixedPoint.DefaultRange(m)}.");
        }

        return args.Problems.Count > before ? null : o with { NumShares = shares, Threshold = threshold, QuantizationRange = q };
    }
}
