namespace FedSec.Defenses.Common;

/// <summary>
/// Mean-shift clustering with a flat kernel (Comaniciu and Meer, "Mean shift: a robust approach toward feature space
/// analysis", IEEE TPAMI 2002), as scikit-learn's <c>MeanShift</c> does it: a seed at every point climbs to the mean
/// of the points within the bandwidth until it moves less than 10⁻³·bandwidth (at most 300 steps); converged modes
/// are ranked by how many points they hold, and modes within a bandwidth of a stronger one are dropped; each point
/// joins its nearest mode, or is an orphan (-1) when that mode is farther than the bandwidth. Small n, low dimension.
/// </summary>
public static class MeanShift
{
    /// <summary>The label of a point farther than the bandwidth from every mode.</summary>
    public const int Orphan = -1;

    private const int MaxIterations = 300;

    /// <summary>
    /// scikit-learn's <c>estimate_bandwidth</c>: the mean over points of the distance to their k-th nearest point, the
    /// point itself counted first, k = max(<paramref name="minNeighbours"/>, ⌊n·quantile⌋) (scikit-learn's minimum is 1:
    /// the point itself, a bandwidth of 0).
    /// </summary>
    public static double EstimateBandwidth(IReadOnlyList<double[]> points, double quantile, int minNeighbours = 1)
    {
        ArgumentNullException.ThrowIfNull(points);
        int n = points.Count;
        if (n == 0)
        {
            throw new ArgumentException("No points to estimate a bandwidth from.", nameof(points));
        }

        int k = Math.Max(Math.Max(1, minNeighbours), (int)(n * quantile));
        double sum = 0;
        var row = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                row[j] = Distance(points[i], points[j]);
            }

            Array.Sort(row);
            sum += row[Math.Min(k, n) - 1];
        }

        return sum / n;
    }

    /// <summary>Clusters the points; labels are 0, 1, ... by decreasing mode strength, or <see cref="Orphan"/>.</summary>
    /// <param name="points">The points (all of the same dimension).</param>
    /// <param name="bandwidth">The kernel radius (≥ 0; 0 groups identical points only).</param>
    /// <param name="clusterAll">Whether orphans join their nearest mode anyway.</param>
    public static int[] Cluster(IReadOnlyList<double[]> points, double bandwidth, bool clusterAll = false)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (!(bandwidth >= 0) || double.IsInfinity(bandwidth))
        {
            throw new ArgumentOutOfRangeException(nameof(bandwidth), bandwidth, "The bandwidth must be a finite non-negative number.");
        }

        int n = points.Count;
        var modes = new List<(double[] Center, int Count)>();
        foreach (var seed in points)
        {
            var (center, count) = Climb(points, seed, bandwidth);
            if (count > 0 && !modes.Any(m => m.Center.AsSpan().SequenceEqual(center)))
            {
                modes.Add((center, count));
            }
        }

        // Strongest first; ties by the centre's coordinates, descending, as scikit-learn's sort of (count, centre).
        modes.Sort((a, b) =>
        {
            int c = b.Count.CompareTo(a.Count);
            for (int t = 0; c == 0 && t < a.Center.Length; t++)
            {
                c = b.Center[t].CompareTo(a.Center[t]);
            }

            return c;
        });

        var kept = new List<double[]>();
        foreach (var (center, _) in modes)
        {
            if (!kept.Any(k => Distance(k, center) <= bandwidth))
            {
                kept.Add(center);
            }
        }

        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int best = 0;
            double bestDistance = double.PositiveInfinity;
            for (int c = 0; c < kept.Count; c++)
            {
                double d = Distance(points[i], kept[c]);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = c;
                }
            }

            labels[i] = clusterAll || bestDistance <= bandwidth ? best : Orphan;
        }

        return labels;
    }

    private static (double[] Center, int Count) Climb(IReadOnlyList<double[]> points, double[] seed, double bandwidth)
    {
        var mean = (double[])seed.Clone();
        int count = 0;
        double stop = 1e-3 * bandwidth;
        for (int iteration = 0; ; iteration++)
        {
            var next = new double[mean.Length];
            count = 0;
            foreach (var p in points)
            {
                if (Distance(p, mean) <= bandwidth)
                {
                    count++;
                    for (int t = 0; t < next.Length; t++)
                    {
                        next[t] += p[t];
                    }
                }
            }

            if (count == 0)
            {
                return (mean, 0);
            }

            for (int t = 0; t < next.Length; t++)
            {
                next[t] /= count;
            }

            bool converged = Distance(next, mean) <= stop;
            mean = next;
            if (converged || iteration == MaxIterations)
            {
                return (mean, count);
            }
        }
    }

    private static double Distance(double[] a, double[] b)
    {
        double s = 0;
        for (int t = 0; t < a.Length; t++)
        {
            double d = a[t] - b[t];
            s += d * d;
        }

        return Math.Sqrt(s);
    }
}
