namespace FedSec.Defenses.Common;

/// <summary>
/// Exact HDBSCAN (Campello, Moulavi and Sander, "Density-based clustering based on hierarchical density estimates",
/// PAKDD 2013; McInnes, Healy and Astels, "hdbscan", JOSS 2017) over a precomputed distance matrix, for the few
/// hundred points of a federated round: mutual-reachability distances from core distances, a minimum spanning tree
/// (Prim, O(n²)), the single-linkage hierarchy, the condensed tree for a minimum cluster size, cluster stability and
/// excess-of-mass selection. Conventions follow the reference <c>hdbscan</c> library: the core distance is the
/// distance to the <c>minSamples</c>-th nearest other point, and with <c>allowSingleCluster</c> the root may be
/// selected, in which case only the points that stay in it until it dissolves are labelled (the others are noise).
/// Ties are broken by point index, so the result is deterministic.
/// </summary>
public static class Hdbscan
{
    /// <summary>The label of a point that belongs to no cluster.</summary>
    public const int Noise = -1;

    /// <summary>Clusters the points; returns one label per point, 0, 1, ... or <see cref="Noise"/>.</summary>
    /// <param name="distances">Symmetric n × n distances with a zero diagonal.</param>
    /// <param name="minClusterSize">The smallest group that counts as a cluster (≥ 2, as in the reference library).</param>
    /// <param name="minSamples">Neighbours defining a point's core distance (0 = plain single linkage).</param>
    /// <param name="allowSingleCluster">Whether the whole data set may be the one cluster.</param>
    public static int[] Cluster(double[,] distances, int minClusterSize, int minSamples = 1, bool allowSingleCluster = false)
    {
        ArgumentNullException.ThrowIfNull(distances);
        int n = distances.GetLength(0);
        if (distances.GetLength(1) != n)
        {
            throw new ArgumentException("The distance matrix must be square.", nameof(distances));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minClusterSize, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(minSamples);
        if (n == 0)
        {
            return Array.Empty<int>();
        }

        if (n == 1)
        {
            // A lone point is smaller than any allowed cluster.
            return new[] { Noise };
        }

        var reach = MutualReachability(distances, minSamples);
        var tree = SingleLinkage(reach);
        var condensed = CondensedTree.Build(tree, n, minClusterSize);
        var selected = condensed.SelectClusters(allowSingleCluster);
        return condensed.Label(selected, allowSingleCluster);
    }

    /// <summary>max(core(a), core(b), d(a, b)), core(p) = distance from p to its k-th nearest other point.</summary>
    internal static double[,] MutualReachability(double[,] d, int minSamples)
    {
        int n = d.GetLength(0);
        int k = Math.Min(minSamples, n - 1);
        var core = new double[n];
        if (k > 0)
        {
            var row = new double[n - 1];
            for (int i = 0; i < n; i++)
            {
                int t = 0;
                for (int j = 0; j < n; j++)
                {
                    if (j != i)
                    {
                        row[t++] = d[i, j];
                    }
                }

                Array.Sort(row);
                core[i] = row[k - 1];
            }
        }

        var r = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                r[i, j] = i == j ? 0 : Math.Max(d[i, j], Math.Max(core[i], core[j]));
            }
        }

        return r;
    }

    /// <summary>
    /// The single-linkage hierarchy from the minimum spanning tree: merge <c>m</c> (0-based) creates node n + m from
    /// two nodes (points are 0..n−1) at the given distance.
    /// </summary>
    internal static (int Left, int Right, double Distance, int Size)[] SingleLinkage(double[,] reach)
    {
        int n = reach.GetLength(0);
        var edges = PrimEdges(reach);
        Array.Sort(edges, (a, b) =>
        {
            int c = a.W.CompareTo(b.W);
            if (c != 0)
            {
                return c;
            }

            c = Math.Min(a.A, a.B).CompareTo(Math.Min(b.A, b.B));
            return c != 0 ? c : Math.Max(a.A, a.B).CompareTo(Math.Max(b.A, b.B));
        });

        var parent = new int[(2 * n) - 1];
        var size = new int[(2 * n) - 1];
        for (int i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
            size[i] = i < n ? 1 : 0;
        }

        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        var merges = new (int, int, double, int)[n - 1];
        for (int m = 0; m < n - 1; m++)
        {
            var (a, b, w) = edges[m];
            int ra = Find(a), rb = Find(b);
            int node = n + m;
            size[node] = size[ra] + size[rb];
            parent[ra] = node;
            parent[rb] = node;
            merges[m] = (ra, rb, w, size[node]);
        }

        return merges;
    }

    private static (int A, int B, double W)[] PrimEdges(double[,] w)
    {
        int n = w.GetLength(0);
        var inTree = new bool[n];
        var best = new double[n];
        var from = new int[n];
        Array.Fill(best, double.PositiveInfinity);
        var edges = new (int, int, double)[n - 1];
        int current = 0;
        inTree[0] = true;
        for (int e = 0; e < n - 1; e++)
        {
            int next = -1;
            for (int j = 0; j < n; j++)
            {
                if (inTree[j])
                {
                    continue;
                }

                if (w[current, j] < best[j])
                {
                    best[j] = w[current, j];
                    from[j] = current;
                }

                if (next < 0 || best[j] < best[next])
                {
                    next = j;
                }
            }

            edges[e] = (from[next], next, best[next]);
            inTree[next] = true;
            current = next;
        }

        return edges;
    }
}
