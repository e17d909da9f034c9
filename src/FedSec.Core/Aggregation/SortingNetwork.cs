using System.Collections.Concurrent;

namespace FedSec.Aggregation;

/// <summary>
/// Batcher's odd–even merge sorting network (Batcher, "Sorting networks and their applications", AFIPS 1968) for any
/// number of inputs: the network of the next power of two with every comparator that touches a position ≥ n dropped
/// (those positions act as +∞ padding, so the dropped comparators would not move anything). A network is a fixed
/// list of compare–exchange steps, so it sorts many columns at once with SIMD min/max and no branches.
/// </summary>
internal static class SortingNetwork
{
    private static readonly ConcurrentDictionary<int, (int Low, int High)[]> Cache = new();
    private static readonly ConcurrentDictionary<(int N, int First, int Count), (int Low, int High)[]> Selections = new();

    /// <summary>The comparators (low, high) for <paramref name="n"/> inputs: after each, position low holds the smaller value.</summary>
    public static (int Low, int High)[] For(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return Cache.GetOrAdd(n, Build);
    }

    /// <summary>
    /// The comparators of <see cref="For"/>(<paramref name="n"/>) that can change what ends up in positions
    /// first … first + count − 1: those positions then hold exactly what the full network puts there (the ranks
    /// first … first + count − 1, in order), the others need not be sorted. Found backwards: a comparator is kept when
    /// one of its outputs is needed later, and then both its inputs are needed. For the median of 100 this drops a fifth
    /// of the comparators (1 104 → 898).
    /// </summary>
    public static (int Low, int High)[] Selecting(int n, int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first + count, n);
        return count == n ? For(n) : Selections.GetOrAdd((n, first, count), key =>
        {
            var full = For(key.N);
            var needed = new bool[key.N];
            needed.AsSpan(key.First, key.Count).Fill(true);
            var kept = new List<(int Low, int High)>();
            for (int c = full.Length - 1; c >= 0; c--)
            {
                var (low, high) = full[c];
                if (needed[low] || needed[high])
                {
                    kept.Add(full[c]);
                    needed[low] = needed[high] = true;
                }
            }

            kept.Reverse();
            return kept.ToArray();
        });
    }

    private static (int Low, int High)[] Build(int n)
    {
        var list = new List<(int, int)>();
        for (int p = 1; p < n; p <<= 1)
        {
            for (int k = p; k >= 1; k >>= 1)
            {
                for (int j = k % p; j + k < n; j += 2 * k)
                {
                    int last = Math.Min(k - 1, n - j - k - 1);
                    for (int i = 0; i <= last; i++)
                    {
                        // Only elements of the same 2p-sized merge group are compared.
                        if ((i + j) / (2 * p) == (i + j + k) / (2 * p))
                        {
                            list.Add((i + j, i + j + k));
                        }
                    }
                }
            }
        }

        return list.ToArray();
    }
}
