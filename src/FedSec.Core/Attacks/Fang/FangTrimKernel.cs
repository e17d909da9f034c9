using FedSec.Aggregation;

namespace FedSec.Attacks.Fang;

/// <summary>
/// The pure kernel of Fang et al.'s full-knowledge attack on trimmed mean and median (Fang, Cao, Jia and Gong, "Local
/// model poisoning attacks to Byzantine-robust federated learning", USENIX Security 2020, Section 4.3), on deltas:
/// for each coordinate j with benign mean μⱼ, extremes maxⱼ and minⱼ and factor b &gt; 1, a malicious value is drawn
/// uniformly from
/// [maxⱼ, b·maxⱼ] (maxⱼ &gt; 0) or [maxⱼ, maxⱼ/b] (maxⱼ ≤ 0) when μⱼ &lt; 0 (the model would decrease), and from
/// [minⱼ/b, minⱼ] (minⱼ &gt; 0) or [b·minⱼ, minⱼ] (minⱼ ≤ 0) when μⱼ &gt; 0: just beyond the benign extreme,
/// against the direction of change. Coordinates with μⱼ = 0 have no direction to oppose and stay at μⱼ.
/// </summary>
internal static class FangTrimKernel
{
    /// <summary>One malicious client's delta, its uniform draws from <paramref name="rng"/>.</summary>
    public static float[] Forge(IReadOnlyList<float[]> benign, double b, Random rng)
    {
        var mean = WeightedMean.Unweighted(benign);
        var forged = new float[mean.Length];
        for (int j = 0; j < forged.Length; j++)
        {
            float max = float.NegativeInfinity, min = float.PositiveInfinity;
            foreach (var x in benign)
            {
                max = Math.Max(max, x[j]);
                min = Math.Min(min, x[j]);
            }

            double lo, hi;
            if (mean[j] < 0)
            {
                (lo, hi) = max > 0 ? (max, b * max) : (max, max / b);
            }
            else if (mean[j] > 0)
            {
                (lo, hi) = min > 0 ? (min / b, min) : (b * min, min);
            }
            else
            {
                forged[j] = mean[j];
                continue;
            }

            forged[j] = (float)(lo + (rng.NextDouble() * (hi - lo)));
        }

        return forged;
    }
}
