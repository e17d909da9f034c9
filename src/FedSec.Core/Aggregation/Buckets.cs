using FedSec.Parameters;

namespace FedSec.Aggregation;

/// <summary>
/// Groups updates into buckets and averages each bucket (Karimireddy, He and Jaggi, "Byzantine-robust learning on
/// heterogeneous datasets via bucketing", ICLR 2022; the batches of Chen, Su and Xu's geometric median of means).
/// </summary>
internal static class Buckets
{
    /// <summary>
    /// The positions 0..n−1 in a seeded random order that depends on the clients' identities only: positions are
    /// first sorted by client identity, then shuffled, so the input order of the list does not matter.
    /// </summary>
    public static int[] ShuffledOrder(IReadOnlyList<ClientUpdate> updates, Random rng)
    {
        var order = Enumerable.Range(0, updates.Count).OrderBy(i => updates[i].ClientId).ThenBy(i => i).ToArray();
        Randomness.RandomExtensions.Shuffle(rng, order.AsSpan());
        return order;
    }

    /// <summary>Cuts <paramref name="order"/> into consecutive groups of <paramref name="size"/> (the last may be smaller).</summary>
    public static int[][] OfSize(IReadOnlyList<int> order, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return order.Chunk(size).ToArray();
    }

    /// <summary>Cuts <paramref name="order"/> into <paramref name="count"/> consecutive groups whose sizes differ by at most one.</summary>
    public static int[][] Balanced(IReadOnlyList<int> order, int count)
    {
        int n = order.Count;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        count = Math.Min(count, n);
        var groups = new int[count][];
        int at = 0;
        for (int g = 0; g < count; g++)
        {
            int size = (n / count) + (g < n % count ? 1 : 0);
            groups[g] = Enumerable.Range(at, size).Select(k => order[k]).ToArray();
            at += size;
        }

        return groups;
    }

    /// <summary>The weighted mean of each group, and each group's total weight.</summary>
    public static (float[][] Means, double[] Weights) Means(IReadOnlyList<float[]> vectors, int[][] groups, ReadOnlySpan<double> weights)
    {
        int d = VectorChecks.CommonLength(vectors);
        var means = new float[groups.Length][];
        var totals = new double[groups.Length];
        for (int g = 0; g < groups.Length; g++)
        {
            var members = groups[g];
            var w = new double[members.Length];
            for (int k = 0; k < members.Length; k++)
            {
                w[k] = weights[members[k]];
                totals[g] += w[k];
            }

            means[g] = new float[d];
            if (totals[g] > 0)
            {
                WeightedMean.Compute(members.Select(m => vectors[m]).ToArray(), w, means[g]);
            }
        }

        return (means, totals);
    }
}
