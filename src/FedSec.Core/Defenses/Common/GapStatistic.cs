namespace FedSec.Defenses.Common;

/// <summary>
/// The gap statistic (Tibshirani, Walther and Hastie, "Estimating the number of clusters in a data set via the gap
/// statistic", J. R. Stat. Soc. B 2001), as FLDetector (one-dimensional suspicion scores) and RFLBAT (clients projected
/// on two principal components) use it to decide how many groups the clients form. Each dimension is scaled to
/// [0, 1]; W_k is the inertia of the k-means clustering (exact in one dimension, <see cref="KMeans1D"/>; else
/// <see cref="KMeans"/>); B reference samples of the same size are drawn uniformly on [0, 1]^dim;
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
        return Estimate(values.Select(v => new[] { v }).ToArray(), maxClusters, samples, rng);
    }

    /// <summary>The estimated number of clusters of <paramref name="points"/> (all of one dimension), between 1 and <paramref name="maxClusters"/>.</summary>
    /// <param name="points">The data (at least one point).</param>
    /// <param name="maxClusters">The largest k tried (capped at the number of points).</param>
    /// <param name="samples">B, the number of uniform reference samples per k.</param>
    /// <param name="rng">The source of the reference samples and of the k-means starts (a seeded stream).</param>
    public static int Estimate(IReadOnlyList<double[]> points, int maxClusters, int samples, Random rng)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        int n = points.Count;
        if (n < 2)
        {
            return 1;
        }

        int dim = points[0].Length;
        var min = Enumerable.Range(0, dim).Select(j => points.Min(p => p[j])).ToArray();
        var max = Enumerable.Range(0, dim).Select(j => points.Max(p => p[j])).ToArray();
        if (Enumerable.Range(0, dim).All(j => max[j] <= min[j]))
        {
            return 1;
        }

        var scaled = points.Select(p => p.Select((v, j) => max[j] > min[j] ? (v - min[j]) / (max[j] - min[j]) : 0).ToArray()).ToArray();
        int distinct = scaled.Select(p => string.Join(",", p)).Distinct().Count();
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

            double logW = Math.Log(Inertia(scaled, k, rng));
            var reference = new double[samples];
            for (int b = 0; b < samples; b++)
            {
                var uniform = new double[n][];
                for (int i = 0; i < n; i++)
                {
                    uniform[i] = new double[dim];
                    for (int j = 0; j < dim; j++)
                    {
                        uniform[i][j] = rng.NextDouble();
                    }
                }

                reference[b] = Math.Log(Math.Max(Inertia(uniform, k, rng), double.Epsilon));
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

    /// <summary>The k-means inertia: exact for one dimension, Lloyd's from k-means++ starts otherwise.</summary>
    private static double Inertia(double[][] points, int k, Random rng) =>
        points[0].Length == 1 ? KMeans1D.Cluster(points.Select(p => p[0]).ToArray(), k).Inertia : KMeans.Cluster(points, k, rng).Inertia;
}
