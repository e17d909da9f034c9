namespace FedSec.Defenses.Common;

/// <summary>
/// Exact k-means of a handful of real numbers (per-client scores, one coordinate across clients): in one dimension an
/// optimal clustering is a split of the sorted values into k contiguous runs, found by dynamic programming over the
/// split points in O(k·n²). Written here because no referenced library offers it, and Lloyd's iterations (what
/// scikit-learn's KMeans runs) can stop in a local optimum and depend on a random start: the exact answer needs
/// neither.
/// </summary>
public static class KMeans1D
{
    /// <summary>The optimal clustering of <paramref name="values"/> into <paramref name="k"/> groups.</summary>
    /// <returns>
    /// The cluster of each value (0 for the smallest values up to k − 1 for the largest, in input order) and the
    /// inertia, the sum of squared distances of the values to their cluster means.
    /// </returns>
    public static (int[] Labels, double Inertia) Cluster(IReadOnlyList<double> values, int k)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = values.Count;
        if (k < 1 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), $"k must be between 1 and the number of values ({n}), but is {k}.");
        }

        var order = Enumerable.Range(0, n).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        var sorted = order.Select(i => values[i]).ToArray();
        var prefix = new double[n + 1];
        var prefixSq = new double[n + 1];
        for (int i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + sorted[i];
            prefixSq[i + 1] = prefixSq[i] + (sorted[i] * sorted[i]);
        }

        // cost[j][m]: least inertia of the first m sorted values in j + 1 clusters; split[j][m]: where the last one starts.
        var cost = new double[k][];
        var split = new int[k][];
        for (int j = 0; j < k; j++)
        {
            cost[j] = new double[n + 1];
            split[j] = new int[n + 1];
            for (int m = 0; m <= n; m++)
            {
                if (j == 0)
                {
                    cost[0][m] = Run(prefix, prefixSq, 0, m);
                    continue;
                }

                cost[j][m] = double.PositiveInfinity;
                for (int s = j; s < m; s++)
                {
                    double c = cost[j - 1][s] + Run(prefix, prefixSq, s, m);
                    if (c < cost[j][m])
                    {
                        cost[j][m] = c;
                        split[j][m] = s;
                    }
                }
            }
        }

        var labels = new int[n];
        int end = n;
        for (int j = k - 1; j >= 0; j--)
        {
            int start = j == 0 ? 0 : split[j][end];
            for (int p = start; p < end; p++)
            {
                labels[order[p]] = j;
            }

            end = start;
        }

        return (labels, Math.Max(0, cost[k - 1][n]));
    }

    /// <summary>Σ (x − mean)² of the sorted values [from, to).</summary>
    private static double Run(double[] prefix, double[] prefixSq, int from, int to)
    {
        int count = to - from;
        if (count <= 0)
        {
            return 0;
        }

        double sum = prefix[to] - prefix[from];
        return Math.Max(0, prefixSq[to] - prefixSq[from] - (sum * sum / count));
    }
}
