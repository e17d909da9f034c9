namespace FedSec.Defenses.Common;

/// <summary>
/// HDBSCAN's condensed tree: the single-linkage hierarchy seen from the root, where a split only creates clusters
/// when both sides keep at least the minimum cluster size, and smaller sides "fall out" of their parent point by
/// point at λ = 1 / distance. Cluster labels are n, n + 1, ...; the root is n; points are 0..n−1.
/// </summary>
internal sealed class CondensedTree
{
    private readonly int _n;
    private readonly List<(int Parent, int Child, double Lambda, int Size)> _entries;
    private readonly int _clusterCount;

    private CondensedTree(int n, List<(int, int, double, int)> entries, int clusterCount)
    {
        _n = n;
        _entries = entries;
        _clusterCount = clusterCount;
    }

    private int Root => _n;

    /// <summary>Condenses the single-linkage merges (node n + m joins two nodes at a distance) for a minimum cluster size.</summary>
    public static CondensedTree Build((int Left, int Right, double Distance, int Size)[] merges, int n, int minClusterSize)
    {
        int top = (2 * n) - 2;
        var relabel = new int[top + 1];
        var ignore = new bool[top + 1];
        relabel[top] = n;
        int next = n + 1;
        var entries = new List<(int, int, double, int)>();
        int SizeOf(int node) => node < n ? 1 : merges[node - n].Size;

        void FallOut(int parentLabel, int subtree, double lambda)
        {
            foreach (var sub in Descendants(merges, n, subtree))
            {
                if (sub < n)
                {
                    entries.Add((parentLabel, sub, lambda, 1));
                }

                ignore[sub] = true;
            }
        }

        foreach (int node in Descendants(merges, n, top))
        {
            if (node < n || ignore[node])
            {
                continue;
            }

            var (left, right, distance, _) = merges[node - n];
            double lambda = distance > 0 ? 1.0 / distance : double.MaxValue;
            int lc = SizeOf(left), rc = SizeOf(right);
            int label = relabel[node];
            if (lc >= minClusterSize && rc >= minClusterSize)
            {
                relabel[left] = next++;
                entries.Add((label, relabel[left], lambda, lc));
                relabel[right] = next++;
                entries.Add((label, relabel[right], lambda, rc));
            }
            else if (lc < minClusterSize && rc < minClusterSize)
            {
                FallOut(label, left, lambda);
                FallOut(label, right, lambda);
            }
            else if (lc < minClusterSize)
            {
                relabel[right] = label;
                FallOut(label, left, lambda);
            }
            else
            {
                relabel[left] = label;
                FallOut(label, right, lambda);
            }
        }

        return new CondensedTree(n, entries, next - n);
    }

    /// <summary>
    /// Excess-of-mass selection: bottom-up, a cluster is kept when its stability Σ (λ_p − λ_birth)·size is at least
    /// the summed stability of its selected descendants. The root is a candidate only with <paramref name="allowSingleCluster"/>.
    /// </summary>
    public HashSet<int> SelectClusters(bool allowSingleCluster)
    {
        var birth = new double[_clusterCount];
        foreach (var e in _entries)
        {
            if (e.Child >= _n)
            {
                birth[e.Child - _n] = e.Lambda;
            }
        }

        var stability = new double[_clusterCount];
        foreach (var e in _entries)
        {
            stability[e.Parent - _n] += (e.Lambda - birth[e.Parent - _n]) * e.Size;
        }

        var isCluster = new Dictionary<int, bool>();
        int lowest = allowSingleCluster ? Root : Root + 1;
        for (int c = Root + _clusterCount - 1; c >= lowest; c--)
        {
            isCluster[c] = true;
        }

        for (int c = Root + _clusterCount - 1; c >= lowest; c--)
        {
            double subtree = _entries.Where(e => e.Parent == c && e.Child >= _n).Sum(e => stability[e.Child - _n]);
            if (subtree > stability[c - _n])
            {
                isCluster[c] = false;
                stability[c - _n] = subtree;
            }
            else
            {
                foreach (int d in ClusterDescendants(c).Where(d => d != c))
                {
                    isCluster[d] = false;
                }
            }
        }

        return isCluster.Where(kv => kv.Value).Select(kv => kv.Key).ToHashSet();
    }

    /// <summary>
    /// Labels each point with its nearest selected ancestor (0, 1, ... in cluster order) or noise. When the root is
    /// the single selected cluster, only the points that leave it last (at its largest λ) are labelled, as the
    /// reference library does.
    /// </summary>
    public int[] Label(HashSet<int> selected, bool allowSingleCluster)
    {
        var parentOf = new Dictionary<int, int>();
        var lambdaOf = new double[_n];
        double rootMax = double.NegativeInfinity;
        foreach (var e in _entries)
        {
            parentOf[e.Child] = e.Parent;
            if (e.Child < _n)
            {
                lambdaOf[e.Child] = e.Lambda;
            }

            if (e.Parent == Root)
            {
                rootMax = Math.Max(rootMax, e.Lambda);
            }
        }

        var map = selected.Order().Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i);
        var labels = new int[_n];
        for (int p = 0; p < _n; p++)
        {
            int c = parentOf[p];
            while (c != Root && !selected.Contains(c))
            {
                c = parentOf[c];
            }

            if (c != Root)
            {
                labels[p] = map[c];
            }
            else if (selected.Contains(Root) && selected.Count == 1 && allowSingleCluster && lambdaOf[p] >= rootMax)
            {
                labels[p] = map[Root];
            }
            else
            {
                labels[p] = Hdbscan.Noise;
            }
        }

        return labels;
    }

    private IEnumerable<int> ClusterDescendants(int cluster)
    {
        var queue = new Queue<int>();
        queue.Enqueue(cluster);
        while (queue.Count > 0)
        {
            int c = queue.Dequeue();
            yield return c;
            foreach (var e in _entries)
            {
                if (e.Parent == c && e.Child >= _n)
                {
                    queue.Enqueue(e.Child);
                }
            }
        }
    }

    /// <summary>The nodes of the single-linkage subtree under <paramref name="node"/>, breadth first, left before right.</summary>
    private static List<int> Descendants((int Left, int Right, double Distance, int Size)[] merges, int n, int node)
    {
        var result = new List<int>();
        var queue = new Queue<int>();
        queue.Enqueue(node);
        while (queue.Count > 0)
        {
            int x = queue.Dequeue();
            result.Add(x);
            if (x >= n)
            {
                queue.Enqueue(merges[x - n].Left);
                queue.Enqueue(merges[x - n].Right);
            }
        }

        return result;
    }
}
