using System.Numerics.Tensors;

namespace FedSec.Aggregation;

/// <summary>
/// Norm clipping of many vectors around one centre, c + (xᵢ − c) · min(1, bound/‖xᵢ − c‖) (norm-difference
/// clipping). Two sweeps over column blocks on all cores: the distances, then, for the vectors past the bound, the
/// clipped vector and its distance measured again, fused in one pass while the block is in cache. The centre's block
/// is read once for all vectors. Each distance is summed block by block in block order exactly as
/// <see cref="VectorNorms.Distance"/> sums it, so the numbers do not depend on the thread count and equal the
/// one-vector functions'.
/// </summary>
internal static class ClipAroundCenter
{
    private const int Block = PairwiseDistances.DistanceBlock;

    /// <summary>‖xᵢ − c‖ for every vector, equal to <see cref="VectorNorms.Distance"/> of each.</summary>
    public static double[] Distances(IReadOnlyList<float[]> vectors, float[] center)
    {
        int d = VectorChecks.CommonLength(vectors);
        if (center.Length != d)
        {
            throw new ArgumentException($"The centre has {center.Length} elements; the vectors have {d}.", nameof(center));
        }

        int n = vectors.Count;
        int blocks = (d + Block - 1) / Block;
        var partial = new double[blocks * n];
        Parallel.For(0, blocks, b =>
        {
            int start = b * Block, len = Math.Min(Block, d - start);
            var c = center.AsSpan(start, len);
            for (int i = 0; i < n; i++)
            {
                partial[(b * n) + i] = WideBlock.SquaredDistance(vectors[i].AsSpan(start, len), c);
            }
        });
        return Roots(partial, blocks, n);
    }

    /// <summary>
    /// The clipped copy of every vector farther than <paramref name="bound"/> from the centre (null for the others),
    /// whose distance to the centre, measured again in float, is at most the bound.
    /// </summary>
    /// <param name="vectors">The vectors, all as long as the centre.</param>
    /// <param name="center">c.</param>
    /// <param name="bound">The largest distance kept.</param>
    /// <param name="distances">‖xᵢ − c‖ as <see cref="Distances"/> returns them.</param>
    /// <param name="allocate">
    /// Gives the d-element vector each clipped copy is written into (every element is written); null allocates new
    /// arrays. The engine passes <see cref="Stages.RoundBuffers.Rent"/>, so the copies reuse the previous round's memory.
    /// </param>
    public static float[]?[] Clip(IReadOnlyList<float[]> vectors, float[] center, double bound, double[] distances, Func<int, float[]>? allocate = null)
    {
        int n = vectors.Count;
        int d = center.Length;
        var result = new float[]?[n];
        var far = Enumerable.Range(0, n).Where(i => distances[i] > bound).ToArray();
        if (far.Length == 0)
        {
            return result;
        }

        // One vector per task, front to back: writing many fresh arrays a block at a time was twice as slow (each
        // first touch of a page faults, and a hundred interleaved write streams defeat the prefetchers).
        var rent = allocate ?? (length => GC.AllocateUninitializedArray<float>(length));
        Parallel.ForEach(far, i =>
        {
            var clipped = rent(d);
            if (clipped.Length != d)
            {
                throw new InvalidOperationException($"The allocator gave a vector of {clipped.Length} elements for {d}.");
            }

            Rescale(vectors[i], center, bound, bound / distances[i], clipped);
            result[i] = clipped;
        });

        return result;
    }

    /// <summary>
    /// result = c + (x − c) · scale, the scale shrunk until the result's float distance to c is at most the bound;
    /// returns that distance.
    /// </summary>
    internal static double Rescale(ReadOnlySpan<float> x, ReadOnlySpan<float> center, double bound, double scale, Span<float> result)
    {
        while (true)
        {
            double squared = 0;
            for (int start = 0; start < x.Length; start += Block)
            {
                int len = Math.Min(Block, x.Length - start);
                squared += ScaleBlock(x.Slice(start, len), center.Slice(start, len), (float)scale, result.Slice(start, len));
            }

            double current = Math.Sqrt(squared);
            if (current <= bound)
            {
                return current;
            }

            if (!double.IsFinite(current))
            {
                throw new ArgumentException("The vector or the centre holds a non-finite value; clipping needs finite inputs.", nameof(x));
            }

            scale *= bound / current * (1 - 1e-7);
        }
    }

    /// <summary>
    /// One block of c + (x − c)·scale into <paramref name="result"/>; returns the block's ‖result − c‖², in float unless
    /// float overflowed. x − c overflows float when x and c lie past ±1.7·10³⁸ on opposite sides, and the block's sum of
    /// squares once its entries pass about 10¹⁷ (a large bound around a diverging update); such a block is computed
    /// again in double (a clip by bound/∞ would zero the update, and ∞·0 would leave NaN, which never meets the
    /// bound). Other blocks keep their float results, bit for bit.
    /// </summary>
    private static double ScaleBlock(ReadOnlySpan<float> x, ReadOnlySpan<float> center, float scale, Span<float> result)
    {
        TensorPrimitives.Subtract(x, center, result);
        TensorPrimitives.MultiplyAdd(result, scale, center, result);
        float dist = TensorPrimitives.Distance(result, center);
        if (float.IsFinite(dist))
        {
            return (double)dist * dist;
        }

        if (!TensorPrimitives.IsFiniteAll(result))
        {
            for (int j = 0; j < x.Length; j++)
            {
                result[j] = (float)(center[j] + (((double)x[j] - center[j]) * scale));
            }
        }

        return WideBlock.SquaredDistanceInDouble(result, center);
    }

    private static double[] Roots(double[] partial, int blocks, int n)
    {
        var roots = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int b = 0; b < blocks; b++)
            {
                sum += partial[(b * n) + i];
            }

            roots[i] = Math.Sqrt(sum);
        }

        return roots;
    }
}
