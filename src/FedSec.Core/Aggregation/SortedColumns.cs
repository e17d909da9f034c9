using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FedSec.Aggregation;

/// <summary>
/// The driver of the coordinate-wise rules: copies spans of columns of the n × d matrix into a scratch buffer that
/// fits in L2 (row i = vector i's slice), cuts each span into column blocks that fit in the L1 cache, sorts every
/// column of a block at once with a SIMD sorting network (each SIMD lane is one coordinate, so there is no
/// transposition and no branch), pruned to the ranks the reducer reads, its first stages in registers
/// (<see cref="RegisterSort16"/>), and lets the reducer read those order statistics. Spans run on all cores; each
/// column's result depends only on its own values, so the result does not depend on the thread count.
/// </summary>
internal static class SortedColumns
{
    private const int L1Floats = 8192;
    private const int L2Floats = 65536;

    /// <summary>
    /// Rows of the scratch block are <see cref="Pad"/> floats (one cache line) longer than the block: with rows of 128
    /// floats, rows 8, 16, 32 apart (the merges' strides) would sit a multiple of 4 KB apart, and a load from one row
    /// right after a store to the other is then held back as if it depended on it (4K aliasing).
    /// </summary>
    private const int Pad = 16;

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
        int span = SpanWidth(n, width);
        int stride = span + Pad;
        int spans = (d + span - 1) / span;
        var (first, count) = reducer.RowsRead(n);

        // Fewer than 16 rows: padded with +∞ rows to one group of 16, sorted whole in registers (the padding rows are
        // never stored). Batcher's network for n is the 16-input one with the comparators that touch positions ≥ n
        // dropped, i.e. with +∞ there, so the read ranks get the same values.
        bool registers = Vector512.IsHardwareAccelerated;
        bool padToGroup = registers && n > 1 && n < RegisterSort16.Rows;
        var (groups, network) = padToGroup ? (1, Array.Empty<(int Low, int High)>())
            : registers ? SortingNetwork.WithRegisterGroups(n, first, count)
            : (0, SortingNetwork.Selecting(n, first, count));
        int grouped = padToGroup ? n : groups * RegisterSort16.Rows;
        var rows = vectors as float[][] ?? vectors.ToArray();
        Parallel.ForEach(Partitioner.Create(0, spans, Math.Max(1, spans / (Environment.ProcessorCount * 8))), range =>
        {
            var scratch = new float[n * stride];
            for (int s = range.Item1; s < range.Item2; s++)
            {
                // A span of many blocks at once: every row is read in one long forward run, which the prefetchers
                // follow (a block's 512-byte pieces of 50 rows were too many short streams), into the L2 cache. Full
                // groups of 16 rows are sorted in registers on the way in; the rows after them are copied.
                int start = s * span, len = Math.Min(span, d - start);
                int padded = (len + width - 1) / width * width;
                for (int g = 0; g < groups; g++)
                {
                    int firstRow = g * RegisterSort16.Rows;
                    RegisterSort16.SortInto(rows, firstRow, Math.Min(RegisterSort16.Rows, n - firstRow), start, start + len, padded / Vector512<float>.Count, scratch.AsSpan(firstRow * stride), stride / Vector512<float>.Count);
                }

                for (int i = grouped; i < n; i++)
                {
                    var row = scratch.AsSpan(i * stride, padded);
                    rows[i].AsSpan(start, len).CopyTo(row);
                    if (len < padded)
                    {
                        // Padding lanes are independent columns whose results are discarded.
                        row[len..].Clear();
                    }
                }

                // Then the rest of the network and the reducer, an L1-sized block at a time.
                for (int at = 0; at < len; at += width)
                {
                    var block = scratch.AsSpan(at);
                    Sort(block, width, stride, network);
                    reducer.Reduce(block, n, stride, result.AsSpan(start + at, Math.Min(width, len - at)));
                }
            }
        });
        return result;
    }

    /// <summary>Columns copied at once: a multiple of the block width with n × span floats about 256 KB (in L2).</summary>
    internal static int SpanWidth(int n, int width) => Math.Clamp(L2Floats / n / width, 1, 4096 / width) * width;

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

    /// <summary>
    /// Runs the network on every column: each comparator is a min/max over two rows, one SIMD lane per column. Row r
    /// starts at r × <paramref name="stride"/>; its first <paramref name="width"/> floats are sorted.
    /// </summary>
    internal static void Sort(Span<float> rows, int width, int stride, (int Low, int High)[] network)
    {
        // The widest vectors the hardware has: fewer instructions per comparator (width and stride are multiples of 16).
        if (Vector512.IsHardwareAccelerated)
        {
            Sort512(rows, width / Vector512<float>.Count, stride / Vector512<float>.Count, network);
        }
        else
        {
            SortPortable(rows, width / Vector<float>.Count, stride / Vector<float>.Count, network);
        }
    }

    /// <summary>The network with <see cref="Vector{T}"/> lanes (any hardware), four vectors per step (rows are a multiple of 64 floats long).</summary>
    internal static void SortPortable(Span<float> rows, int vectorsPerRow, int vectorStride, (int Low, int High)[] network)
    {
        ref Vector<float> origin = ref Unsafe.As<float, Vector<float>>(ref MemoryMarshal.GetReference(rows));
        foreach (var (low, high) in network)
        {
            ref Vector<float> a = ref Unsafe.Add(ref origin, low * vectorStride);
            ref Vector<float> b = ref Unsafe.Add(ref origin, high * vectorStride);
            for (int v = 0; v < vectorsPerRow; v += 4)
            {
                var x0 = Unsafe.Add(ref a, v);
                var x1 = Unsafe.Add(ref a, v + 1);
                var x2 = Unsafe.Add(ref a, v + 2);
                var x3 = Unsafe.Add(ref a, v + 3);
                var y0 = Unsafe.Add(ref b, v);
                var y1 = Unsafe.Add(ref b, v + 1);
                var y2 = Unsafe.Add(ref b, v + 2);
                var y3 = Unsafe.Add(ref b, v + 3);
                Unsafe.Add(ref a, v) = Vector.MinNative(x0, y0);
                Unsafe.Add(ref a, v + 1) = Vector.MinNative(x1, y1);
                Unsafe.Add(ref a, v + 2) = Vector.MinNative(x2, y2);
                Unsafe.Add(ref a, v + 3) = Vector.MinNative(x3, y3);
                Unsafe.Add(ref b, v) = Vector.MaxNative(x0, y0);
                Unsafe.Add(ref b, v + 1) = Vector.MaxNative(x1, y1);
                Unsafe.Add(ref b, v + 2) = Vector.MaxNative(x2, y2);
                Unsafe.Add(ref b, v + 3) = Vector.MaxNative(x3, y3);
            }
        }
    }

    /// <summary>The network with 512-bit lanes, four vectors per step (rows are a multiple of 64 floats long).</summary>
    internal static void Sort512(Span<float> rows, int vectorsPerRow, int vectorStride, (int Low, int High)[] network)
    {
        ref Vector512<float> origin = ref Unsafe.As<float, Vector512<float>>(ref MemoryMarshal.GetReference(rows));
        foreach (var (low, high) in network)
        {
            ref Vector512<float> a = ref Unsafe.Add(ref origin, low * vectorStride);
            ref Vector512<float> b = ref Unsafe.Add(ref origin, high * vectorStride);
            for (int v = 0; v < vectorsPerRow; v += 4)
            {
                var x0 = Unsafe.Add(ref a, v);
                var x1 = Unsafe.Add(ref a, v + 1);
                var x2 = Unsafe.Add(ref a, v + 2);
                var x3 = Unsafe.Add(ref a, v + 3);
                var y0 = Unsafe.Add(ref b, v);
                var y1 = Unsafe.Add(ref b, v + 1);
                var y2 = Unsafe.Add(ref b, v + 2);
                var y3 = Unsafe.Add(ref b, v + 3);
                Unsafe.Add(ref a, v) = Vector512.MinNative(x0, y0);
                Unsafe.Add(ref a, v + 1) = Vector512.MinNative(x1, y1);
                Unsafe.Add(ref a, v + 2) = Vector512.MinNative(x2, y2);
                Unsafe.Add(ref a, v + 3) = Vector512.MinNative(x3, y3);
                Unsafe.Add(ref b, v) = Vector512.MaxNative(x0, y0);
                Unsafe.Add(ref b, v + 1) = Vector512.MaxNative(x1, y1);
                Unsafe.Add(ref b, v + 2) = Vector512.MaxNative(x2, y2);
                Unsafe.Add(ref b, v + 3) = Vector512.MaxNative(x3, y3);
            }
        }
    }
}
