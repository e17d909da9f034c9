using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;

namespace FedSec.Aggregation;

/// <summary>
/// The coordinate-wise sample standard deviation σⱼ = √(Σᵢ (xᵢⱼ − μⱼ)² / (n − 1)), as <c>torch.std</c> computes it in the
/// reference implementations of ALIE and Min-Max. Per coordinate the squares are added in double in vector order, so
/// the result does not depend on the thread count; column blocks run on all cores with SIMD lanes across coordinates.
/// </summary>
public static class CoordinateStandardDeviation
{
    private const int Block = 2048;

    /// <summary>σ of <paramref name="vectors"/> around <paramref name="mean"/> (their mean, in float); 0 for a single vector.</summary>
    public static float[] Of(IReadOnlyList<float[]> vectors, float[] mean)
    {
        ArgumentNullException.ThrowIfNull(mean);
        int d = VectorChecks.CommonLength(vectors);
        if (mean.Length != d)
        {
            throw new ArgumentException($"The mean has {mean.Length} elements; the vectors have {d}.", nameof(mean));
        }

        int n = vectors.Count;
        var std = new float[d];
        if (n < 2)
        {
            return std;
        }

        int blocks = (d + Block - 1) / Block;
        Parallel.ForEach(Partitioner.Create(0, blocks, Math.Max(1, blocks / (Environment.ProcessorCount * 4))), range =>
        {
            var acc = new double[Block];
            for (int b = range.Item1; b < range.Item2; b++)
            {
                int start = b * Block, len = Math.Min(Block, d - start);
                var a = acc.AsSpan(0, len);
                a.Clear();
                var m = mean.AsSpan(start, len);
                for (int i = 0; i < n; i++)
                {
                    AddSquares(a, vectors[i].AsSpan(start, len), m);
                }

                for (int j = 0; j < len; j++)
                {
                    std[start + j] = (float)Math.Sqrt(a[j] / (n - 1));
                }
            }
        });
        return std;
    }

    /// <summary>acc += (x − μ)², in double.</summary>
    private static void AddSquares(Span<double> acc, ReadOnlySpan<float> x, ReadOnlySpan<float> mean)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int step = Vector<float>.Count;
            var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
            var ms = MemoryMarshal.Cast<float, Vector<float>>(mean);
            var acs = MemoryMarshal.Cast<double, Vector<double>>(acc);
            for (int v = 0; v < xs.Length; v++)
            {
                Vector.Widen(xs[v], out var xl, out var xh);
                Vector.Widen(ms[v], out var ml, out var mh);
                var el = xl - ml;
                var eh = xh - mh;
                acs[2 * v] += el * el;
                acs[(2 * v) + 1] += eh * eh;
            }

            j = xs.Length * step;
        }

        for (; j < acc.Length; j++)
        {
            double e = x[j] - (double)mean[j];
            acc[j] += e * e;
        }
    }
}
