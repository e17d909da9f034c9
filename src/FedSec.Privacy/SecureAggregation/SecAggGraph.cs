namespace FedSec.Privacy.SecureAggregation;

/// <summary>
/// Who shares and masks with whom. With as many shares as clients, every pair (SecAgg, Bonawitz et al. 2017); with
/// fewer, SecAgg+'s sparse graph (Bell et al. 2020): the clients in a random order on a ring, each the neighbour of the
/// (num_shares − 1)/2 nearest on each side (a Harary graph over a random relabelling).
/// </summary>
internal static class SecAggGraph
{
    public static IReadOnlyDictionary<int, IReadOnlyList<int>> Neighbours(IReadOnlyList<int> clients, int shares, Random random)
    {
        int n = clients.Count;
        var result = new Dictionary<int, IReadOnlyList<int>>();
        if (shares >= n)
        {
            foreach (int c in clients)
            {
                result[c] = clients.Where(v => v != c).ToArray();
            }

            return result;
        }

        var ring = clients.ToArray();
        random.Shuffle(ring);
        int side = (shares - 1) / 2;
        for (int i = 0; i < n; i++)
        {
            var near = new SortedSet<int>();
            for (int k = 1; k <= side; k++)
            {
                near.Add(ring[(i + k) % n]);
                near.Add(ring[((i - k) % n + n) % n]);
            }

            result[ring[i]] = near.ToArray();
        }

        return result;
    }
}
