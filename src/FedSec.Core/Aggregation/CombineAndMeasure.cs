using System.Numerics.Tensors;

namespace FedSec.Aggregation;

/// <summary>
/// One fused sweep of the iterative rules (Weiszfeld's geometric median, centred clipping): per column block,
/// z ← keep·z + Σ cᵢ xᵢ, then, while the block is still in cache, the block's share of every ‖xᵢ − z‖². The data are
/// read once per iteration instead of twice. Block shares are added in block order: the result does not depend on
/// the thread count.
/// </summary>
internal static class CombineAndMeasure
{
    private const int Block = 2048;

    /// <summary>
    /// Updates <paramref name="z"/> in place to keep·z + Σ cᵢ xᵢ and returns ‖xᵢ − z‖² for the new z, in double.
    /// </summary>
    public static double[] Run(IReadOnlyList<float[]> points, ReadOnlySpan<double> coefficients, double keep, float[] z)
    {
        int n = points.Count;
        int d = z.Length;
        var c = new float[n];
        for (int i = 0; i < n; i++)
        {
            c[i] = (float)coefficients[i];
        }

        float k = (float)keep;
        int blocks = (d + Block - 1) / Block;
        var partial = new double[blocks * n];
        Parallel.For(0, blocks, b =>
        {
            int start = b * Block, len = Math.Min(Block, d - start);
            var zb = z.AsSpan(start, len);
            if (k == 0)
            {
                TensorPrimitives.Multiply(points[0].AsSpan(start, len), c[0], zb);
            }
            else
            {
                TensorPrimitives.Multiply(zb, k, zb);
                TensorPrimitives.MultiplyAdd(points[0].AsSpan(start, len), c[0], zb, zb);
            }

            for (int i = 1; i < n; i++)
            {
                TensorPrimitives.MultiplyAdd(points[i].AsSpan(start, len), c[i], zb, zb);
            }

            for (int i = 0; i < n; i++)
            {
                partial[(b * n) + i] = WideBlock.SquaredDistance(points[i].AsSpan(start, len), zb);
            }
        });

        var squared = new double[n];
        for (int b = 0; b < blocks; b++)
        {
            for (int i = 0; i < n; i++)
            {
                squared[i] += partial[(b * n) + i];
            }
        }

        return squared;
    }
}
