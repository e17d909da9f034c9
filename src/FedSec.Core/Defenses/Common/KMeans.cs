namespace FedSec.Defenses.Common;

/// <summary>
/// k-means of a few low-dimensional points (clients projected by PCA): Lloyd's iterations from k-means++ starts
/// (Arthur and Vassilvitskii 2007), the best of several restarts by inertia, every random choice from the given seeded
/// stream. Written here because MathNet.Numerics has no clustering and the sets are tiny (tens of points in two or
/// three dimensions); <see cref="KMeans1D"/> solves the one-dimensional case exactly.
/// </summary>
public static class KMeans
{
    /// <summary>Clusters <paramref name="points"/> into <paramref name="k"/> groups.</summary>
    /// <returns>Each point's cluster (in input order) and the inertia, the sum of squared distances to the cluster means.</returns>
    public static (int[] Labels, double Inertia) Cluster(IReadOnlyList<double[]> points, int k, Random rng, int restarts = 10, int iterations = 300)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(rng);
        int n = points.Count;
        if (k < 1 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), $"k must be between 1 and the number of points ({n}), but is {k}.");
        }

        (int[] Labels, double Inertia) best = (new int[n], double.PositiveInfinity);
        for (int r = 0; r < Math.Max(1, restarts); r++)
        {
            var run = Lloyd(points, Seeds(points, k, rng), iterations);
            if (run.Inertia < best.Inertia)
            {
                best = run;
            }
        }

        return best;
    }

    /// <summary>k-means++: the first centre uniformly, each next one with probability proportional to the squared distance to the nearest chosen.</summary>
    private static double[][] Seeds(IReadOnlyList<double[]> points, int k, Random rng)
    {
        int n = points.Count;
        var centres = new List<double[]> { points[rng.Next(n)].ToArray() };
        var nearest = points.Select(p => Squared(p, centres[0])).ToArray();
        while (centres.Count < k)
        {
            double total = nearest.Sum();
            int chosen;
            if (total <= 0)
            {
                chosen = rng.Next(n);
            }
            else
            {
                double u = rng.NextDouble() * total;
                chosen = n - 1;
                for (int i = 0; i < n; i++)
                {
                    u -= nearest[i];
                    if (u < 0)
                    {
                        chosen = i;
                        break;
                    }
                }
            }

            centres.Add(points[chosen].ToArray());
            for (int i = 0; i < n; i++)
            {
                nearest[i] = Math.Min(nearest[i], Squared(points[i], centres[^1]));
            }
        }

        return centres.ToArray();
    }

    private static (int[] Labels, double Inertia) Lloyd(IReadOnlyList<double[]> points, double[][] centres, int iterations)
    {
        int n = points.Count, k = centres.Length, dim = points[0].Length;
        var labels = new int[n];
        for (int it = 0; it < iterations; it++)
        {
            bool changed = it == 0;
            for (int i = 0; i < n; i++)
            {
                int arg = 0;
                double min = double.PositiveInfinity;
                for (int c = 0; c < k; c++)
                {
                    double d = Squared(points[i], centres[c]);
                    if (d < min)
                    {
                        min = d;
                        arg = c;
                    }
                }

                changed |= labels[i] != arg;
                labels[i] = arg;
            }

            if (!changed)
            {
                break;
            }

            for (int c = 0; c < k; c++)
            {
                var members = Enumerable.Range(0, n).Where(i => labels[i] == c).ToArray();
                if (members.Length == 0)
                {
                    continue;   // an empty cluster keeps its centre
                }

                for (int j = 0; j < dim; j++)
                {
                    centres[c][j] = members.Average(i => points[i][j]);
                }
            }
        }

        double inertia = 0;
        for (int i = 0; i < n; i++)
        {
            inertia += Squared(points[i], centres[labels[i]]);
        }

        return (labels, inertia);
    }

    private static double Squared(double[] a, double[] b)
    {
        double s = 0;
        for (int j = 0; j < a.Length; j++)
        {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }

        return s;
    }
}
