namespace FedSec.Defenses.Common;

/// <summary>
/// The gap statistic (Tibshirani, Walther and Hastie, "Estimating the number of clusters in a data set via the gap
/// statistic", J. R. Stat. Soc. B 2001) for one-dimensional data, as FLDetector uses it to decide whether the round's
/// suspicion scores form more than one group. The values are scaled to [0, 1]; W_k is the inertia of their optimal
/// k-means clustering (<see cref="KMeans1D"/>); B reference samples of the same size are drawn uniformly on [0, 1];
/// Gap(k) = mean_b log W*_kb − log W_k and s_k = sd_b(log W*_kb)·√(1 + 1/B). The estimate is the smallest k with
/// Gap(k) ≥ Gap(k + 1) − s_(k+1), else the largest k tried.
/// </summary>
public static class GapStatistic
{
    /// <summary>The estimated number of clusters of <paramref name="values"/>, between 1 and <paramref name="maxClusters"/>.</summary>
    /// <param name="values">The data (at least one value).</param>
    /// <param name="maxClusters">The largest k tried (capped at the number of values).</param>
    /// <param name="samples">B, the number of uniform reference samples per k.</param>
    /// <param name="rng">The source of the reference samples (a seeded stream).</param>
    public static int Estimate(IReadOnlyList<double> values, int maxClusters, int samples, Random rng)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        int n = values.Count;
        double min = values.Min(), max = values.Max();
        if (n < 2 || max <= min)
        {
            return 1;
        }

        var scaled = values.Select(v => (v - min) / (max - min)).ToArray();
        int distinct = scaled.Distinct().Count();
        int kMax = Math.Min(Math.Max(1, maxClusters), n);
        var gap = new double[kMax + 1];
        var spread = new double[kMax + 1];
        for (int k = 1; k <= kMax; k++)
        {
            if (k >= distinct)
            {
                // k clusters fit the data exactly (W_k = 0, an infinite gap): no larger k can be better.
                return k;
            }

            double logW = Math.Log(KMeans1D.Cluster(scaled, k).Inertia);
            var reference = new double[samples];
            for (int b = 0; b < samples; b++)
            {
                var uniform = new double[n];
                for (int i = 0; i < n; i++)
                {
                    uniform[i] = rng.NextDouble();
                }

                reference[b] = Math.Log(Math.Max(KMeans1D.Cluster(uniform, k).Inertia, double.Epsilon));
            }

            double mean = reference.Average();
            double sd = Math.Sqrt(reference.Sum(r => (r - mean) * (r - mean)) / samples);
            gap[k] = mean - logW;
            spread[k] = sd * Math.Sqrt(1 + (1.0 / samples));
            if (k >= 2 && gap[k - 1] >= gap[k] - spread[k])
            {
                return k - 1;
            }
        }

        return kMax;
    }
}
