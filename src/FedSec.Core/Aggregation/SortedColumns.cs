using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FedSec.Aggregation;

/// <summary>
/// The driver of the coordinate-wise rules: cuts the n × d matrix into column blocks that fit in the L1 cache, copies
/// each block into a scratch buffer (row i = vector i's slice), sorts every column of the block at once with a SIMD
/// sorting network (each SIMD lane is one coordinate, so there is no transposition and no branch), pruned to the
/// ranks the reducer reads, and lets the reducer read those order statistics. Blocks run on all cores; each column's result depends only on its own
/// values, so the result does not depend on the thread count.
/// </summary>
internal static class SortedColumns
{
    private const int L1Floats = 8192;

    /// <summary>Applies <paramref name="reducer"/> to every coordinate of <paramref name="vectors"/>.</summary>
    public static float[] Reduce<TReducer>(IReadOnlyList<float[]> vectors, TReducer reducer)
        where TReducer : struct, ISortedColumnReducer
    {
        int n = vectors.Count;
        int d = VectorChecks.CommonLength(vectors);
        var result = new float[d];
        if (d == 0)
        {
            return result;
        }

        int width = BlockWidth(n);
        int blocks = (d + width - 1) / width;
        var (first, count) = reducer.RowsRead(n);
        var network = SortingNetwork.Selecting(n, first, count);
        int rangeSize = Math.Max(1, blocks / (Environment.ProcessorCount * 8));
        Parallel.ForEach(Partitioner.Create(0, blocks, rangeSize), range =>
        {
            var scratch = new float[n * width];
            for (int b = range.Item1; b < range.Item2; b++)
            {
                int start = b * width, len = Math.Min(width, d - start);
                for (int i = 0; i < n; i++)
                {
                    var row = scratch.AsSpan(i * width, width);
                    vectors[i].AsSpan(start, len).CopyTo(row);
                    if (len < width)
                    {
                        // Padding lanes are independent columns whose results are discarded.
                        row[len..].Clear();
                    }
                }

                Sort(scratch, width, network);
                reducer.Reduce(scratch, n, width, result.AsSpan(start, len));
            }
        });
        return result;
    }

    /// <summary>Columns per block: a multiple of 64 (so of any SIMD width) with n × width floats near the L1 size.</summary>
    internal static int BlockWidth(int n)
    {
        int w = 64;
        while (w < 1024 && (long)n * w * 2 <= L1Floats)
        {
            w *= 2;
        }

        return w;
    }

    /// <summary>Runs the network on every column: each comparator is a min/max over two rows, one SIMD lane per column.</summary>
    internal static void Sort(Span<float> rows, int width, (int Low, int High)[] network)
    {
        // The widest vectors the hardware has: fewer instructions per comparator (width is a multiple of 64 floats).
        if (Vector512.IsHardwareAccelerated)
        {
            Sort512(rows, width / Vector512<float>.Count, network);
        }
        else
        {
            SortPortable(rows, width / Vector<float>.Count, network);
        }
    }

    /// <summary>The network with <see cref="Vector{T}"/> lanes (any hardware).</summary>
    internal static void SortPortable(Span<float> rows, int vectorsPerRow, (int Low, int High)[] network)
    {
        ref Vector<float> origin = ref Unsafe.As<float, Vector<float>>(ref MemoryMarshal.GetReference(rows));
        foreach (var (low, high) in network)
        {
            ref Vector<float> a = ref Unsafe.Add(ref origin, low * vectorsPerRow);
            ref Vector<float> b = ref Unsafe.Add(ref origin, high * vectorsPerRow);
            for (int v = 0; v < vectorsPerRow; v++)
            {
                var x = Unsafe.Add(ref a, v);
                var y = Unsafe.Add(ref b, v);
                Unsafe.Add(ref a, v) = Vector.MinNative(x, y);
                Unsafe.Add(ref b, v) = Vector.MaxNative(x, y);
            }
        }
    }

    /// <summary>The network with 512-bit lanes.</summary>
    internal static void Sort512(Span<float> rows, int vectorsPerRow, (int Low, int High)[] network)
    {
        ref Vector512<float> origin = ref Unsafe.As<float, Vector512<float>>(ref MemoryMarshal.GetReference(rows));
        foreach (var (low, high) in network)
        {
            ref Vector512<float> a = ref Unsafe.Add(ref origin, low * vectorsPerRow);
            ref Vector512<float> b = ref Unsafe.Add(ref origin, high * vectorsPerRow);
            for (int v = 0; v < vectorsPerRow; v++)
            {
                var x = Unsafe.Add(ref a, v);
                var y = Unsafe.Add(ref b, v);
                Unsafe.Add(ref a, v) = Vector512.MinNative(x, y);
                Unsafe.Add(ref b, v) = Vector512.MaxNative(x, y);
            }
        }
    }
}
