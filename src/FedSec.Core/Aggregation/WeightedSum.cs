using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FedSec.Aggregation;

/// <summary>
/// Σ cᵢ·xᵢ / s over equal-length float vectors (FedAvg's mean, FLTrust's step, bucket and neighbour means), in one
/// fused pass on all cores: each column block's floats are widened to double in registers, multiplied by cᵢ and added
/// to double accumulators that stay in the L1 cache, and the block is divided by s and narrowed to float once. Per
/// coordinate the arithmetic is exactly ((0 + x₀c₀) + x₁c₁) + … in vector order (multiply, then add: no fused
/// multiply–add), then ÷ s, then rounded to float, so the result does not depend on the thread count or the order
/// the blocks run in, and vectors that are all equal to x with Σcᵢ = s give x back exactly. Vectors with cᵢ = 0 are
/// skipped (they add nothing, even where they hold a NaN).
/// </summary>
internal static class WeightedSum
{
    /// <summary>Columns per block: 16 KB of double accumulators, which stay in L1 next to the rows being read.</summary>
    private const int Block = 2048;

    /// <summary>Writes Σ cᵢ·xᵢ / <paramref name="divisor"/> into <paramref name="destination"/> (every element is written).</summary>
    /// <param name="vectors">xᵢ, each as long as the destination.</param>
    /// <param name="coefficients">cᵢ, one per vector, finite.</param>
    /// <param name="divisor">s; 1 leaves the sum as it is (x/1 = x exactly).</param>
    /// <param name="destination">The result.</param>
    public static void Compute(IReadOnlyList<float[]> vectors, ReadOnlySpan<double> coefficients, double divisor, Memory<float> destination)
    {
        int d = destination.Length;
        var rows = new List<float[]>(vectors.Count);
        var weights = new List<double>(vectors.Count);
        for (int i = 0; i < vectors.Count; i++)
        {
            if (vectors[i].Length != d)
            {
                throw new ArgumentException($"Vector {i} has {vectors[i].Length} elements; the destination has {d}.", nameof(vectors));
            }

            if (coefficients[i] != 0)
            {
                rows.Add(vectors[i]);
                weights.Add(coefficients[i]);
            }
        }

        var x = rows.ToArray();
        var c = weights.ToArray();
        int blocks = (d + Block - 1) / Block;
        if (blocks <= 1)
        {
            Sum(x, c, divisor, 0, d, destination.Span, new double[d]);
            return;
        }

        // A few ranges of consecutive blocks per core: each thread then reads every row forward, which the
        // prefetchers follow, and the per-range overhead is negligible.
        int rangeSize = Math.Max(1, blocks / (Environment.ProcessorCount * 4));
        Parallel.ForEach(Partitioner.Create(0, blocks, rangeSize), range =>
        {
            var span = destination.Span;
            var acc = new double[Block];
            for (int b = range.Item1; b < range.Item2; b++)
            {
                int start = b * Block;
                Sum(x, c, divisor, start, Math.Min(Block, d - start), span, acc);
            }
        });
    }

    /// <summary>One column block [start, start + len): accumulate every row in order, divide, narrow, store.</summary>
    private static void Sum(float[][] x, double[] c, double divisor, int start, int len, Span<float> destination, double[] accumulators)
    {
        var acc = accumulators.AsSpan(0, len);
        acc.Clear();
        int i = 0;
        for (; i + 4 <= x.Length; i += 4)
        {
            Add4(acc, x[i].AsSpan(start, len), x[i + 1].AsSpan(start, len), x[i + 2].AsSpan(start, len), x[i + 3].AsSpan(start, len), c[i], c[i + 1], c[i + 2], c[i + 3]);
        }

        for (; i < x.Length; i++)
        {
            Add1(acc, x[i].AsSpan(start, len), c[i]);
        }

        Finish(acc, divisor, destination.Slice(start, len));
    }

    /// <summary>acc ← (((acc + x₀c₀) + x₁c₁) + x₂c₂) + x₃c₃, four rows per pass over the accumulators.</summary>
    private static void Add4(Span<double> acc, ReadOnlySpan<float> x0, ReadOnlySpan<float> x1, ReadOnlySpan<float> x2, ReadOnlySpan<float> x3, double c0, double c1, double c2, double c3)
    {
        int len = acc.Length;
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int step = Vector<float>.Count, half = Vector<double>.Count;
            var w0 = new Vector<double>(c0);
            var w1 = new Vector<double>(c1);
            var w2 = new Vector<double>(c2);
            var w3 = new Vector<double>(c3);
            ref double a = ref MemoryMarshal.GetReference(acc);
            ref float r0 = ref MemoryMarshal.GetReference(x0);
            ref float r1 = ref MemoryMarshal.GetReference(x1);
            ref float r2 = ref MemoryMarshal.GetReference(x2);
            ref float r3 = ref MemoryMarshal.GetReference(x3);
            for (; j + step <= len; j += step)
            {
                Vector.Widen(Load(ref r0, j), out var l0, out var h0);
                Vector.Widen(Load(ref r1, j), out var l1, out var h1);
                Vector.Widen(Load(ref r2, j), out var l2, out var h2);
                Vector.Widen(Load(ref r3, j), out var l3, out var h3);
                ref var lo = ref Unsafe.As<double, Vector<double>>(ref Unsafe.Add(ref a, j));
                ref var hi = ref Unsafe.As<double, Vector<double>>(ref Unsafe.Add(ref a, j + half));
                lo = (((lo + (l0 * w0)) + (l1 * w1)) + (l2 * w2)) + (l3 * w3);
                hi = (((hi + (h0 * w0)) + (h1 * w1)) + (h2 * w2)) + (h3 * w3);
            }
        }

        for (; j < len; j++)
        {
            acc[j] = (((acc[j] + (x0[j] * c0)) + (x1[j] * c1)) + (x2[j] * c2)) + (x3[j] * c3);
        }
    }

    /// <summary>acc ← acc + x·c.</summary>
    private static void Add1(Span<double> acc, ReadOnlySpan<float> x, double c)
    {
        int len = acc.Length;
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int step = Vector<float>.Count, half = Vector<double>.Count;
            var w = new Vector<double>(c);
            ref double a = ref MemoryMarshal.GetReference(acc);
            ref float r = ref MemoryMarshal.GetReference(x);
            for (; j + step <= len; j += step)
            {
                Vector.Widen(Load(ref r, j), out var l, out var h);
                ref var lo = ref Unsafe.As<double, Vector<double>>(ref Unsafe.Add(ref a, j));
                ref var hi = ref Unsafe.As<double, Vector<double>>(ref Unsafe.Add(ref a, j + half));
                lo += l * w;
                hi += h * w;
            }
        }

        for (; j < len; j++)
        {
            acc[j] += x[j] * c;
        }
    }

    /// <summary>destination ← (float)(acc / divisor).</summary>
    private static void Finish(ReadOnlySpan<double> acc, double divisor, Span<float> destination)
    {
        int len = acc.Length;
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int step = Vector<float>.Count, half = Vector<double>.Count;
            var s = new Vector<double>(divisor);
            ref double a = ref MemoryMarshal.GetReference(acc);
            ref float dst = ref MemoryMarshal.GetReference(destination);
            for (; j + step <= len; j += step)
            {
                var lo = Unsafe.As<double, Vector<double>>(ref Unsafe.Add(ref a, j)) / s;
                var hi = Unsafe.As<double, Vector<double>>(ref Unsafe.Add(ref a, j + half)) / s;
                Unsafe.WriteUnaligned(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref dst, j)), Vector.Narrow(lo, hi));
            }
        }

        for (; j < len; j++)
        {
            destination[j] = (float)(acc[j] / divisor);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(ref float origin, int at) =>
        Unsafe.ReadUnaligned<Vector<float>>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref origin, at)));
}
