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
    private static readonly ConcurrentDictionary<(int N, int First, int Count), (int Groups, (int Low, int High)[] Memory)> Plans = new();

    /// <summary>The comparators (low, high) for <paramref name="n"/> inputs: after each, position low holds the smaller value.</summary>
    public static (int Low, int High)[] For(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return Cache.GetOrAdd(n, static m => Build(m));
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
            var kept = Kept(full, key.N, key.First, key.Count);
            return full.Where((_, c) => kept[c]).ToArray();
        });
    }

    /// <summary>
    /// The plan for running the pruned network of <see cref="Selecting"/> with <see cref="RegisterSort16"/>: the network's
    /// first stages (merges of at most 16 inputs) stay within aligned groups of 16 rows, so every full group runs them
    /// all in registers (a superset of the pruned ones, which leaves the read ranks as they are: a dropped comparator
    /// only moves values nothing reads later), and <c>Memory</c> holds the rest in order: the kept first-stage
    /// comparators of the last, partial group, then every kept comparator of the later stages.
    /// </summary>
    public static (int Groups, (int Low, int High)[] Memory) WithRegisterGroups(int n, int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first + count, n);
        return Plans.GetOrAdd((n, first, count), key =>
        {
            var full = For(key.N);
            int prefix = Build(key.N, RegisterSort16.Rows).Length;
            int groups = key.N / RegisterSort16.Rows;
            int grouped = groups * RegisterSort16.Rows;
            var kept = Kept(full, key.N, key.First, key.Count);
            var memory = new List<(int Low, int High)>();
            for (int c = 0; c < full.Length; c++)
            {
                if (kept[c] && (c >= prefix || full[c].Low >= grouped))
                {
                    memory.Add(full[c]);
                }
            }

            return (groups, memory.ToArray());
        });
    }

    // Backwards from the read ranks: a comparator is kept when one of its outputs is needed later.
    private static bool[] Kept((int Low, int High)[] full, int n, int first, int count)
    {
        var needed = new bool[n];
        needed.AsSpan(first, count).Fill(true);
        var kept = new bool[full.Length];
        for (int c = full.Length - 1; c >= 0; c--)
        {
            var (low, high) = full[c];
            if (needed[low] || needed[high])
            {
                kept[c] = true;
                needed[low] = needed[high] = true;
            }
        }

        return kept;
    }

    // The stages p = 1, 2, 4, … below stageLimit (all of them by default).
    private static (int Low, int High)[] Build(int n, int stageLimit = int.MaxValue)
    {
        var list = new List<(int, int)>();
        for (int p = 1; p < n && p < stageLimit; p <<= 1)
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
