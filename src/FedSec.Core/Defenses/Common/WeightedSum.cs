using System.Numerics.Tensors;

namespace FedSec.Defenses.Common;

/// <summary>Σ cᵢ·xᵢ over equal-length vectors, in column blocks accumulated in double, all cores. Pure.</summary>
public static class WeightedSum
{
    private const int Block = 1 << 14;

    /// <summary>The vector Σ cᵢ·xᵢ; each column block is summed in vector order, so the result does not depend on threads.</summary>
    public static float[] Of(IReadOnlyList<float[]> vectors, IReadOnlyList<double> coefficients)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(coefficients);
        if (vectors.Count == 0 || vectors.Count != coefficients.Count)
        {
            throw new ArgumentException($"{coefficients.Count} coefficients for {vectors.Count} vectors; need one per vector, at least one.", nameof(coefficients));
        }

        int d = vectors[0].Length;
        var result = new float[d];
        int blocks = (d + Block - 1) / Block;
        Parallel.For(0, blocks, () => (new double[Block], new double[Block]), (b, _, buffers) =>
        {
            var (acc, tmp) = buffers;
            int start = b * Block, len = Math.Min(Block, d - start);
            var a = acc.AsSpan(0, len);
            var t = tmp.AsSpan(0, len);
            a.Clear();
            for (int i = 0; i < vectors.Count; i++)
            {
                if (coefficients[i] != 0)
                {
                    TensorPrimitives.ConvertChecked<float, double>(vectors[i].AsSpan(start, len), t);
                    TensorPrimitives.MultiplyAdd(t, coefficients[i], a, a);
                }
            }

            TensorPrimitives.ConvertTruncating<double, float>(a, result.AsSpan(start, len));
            return buffers;
        }, _ => { });
        return result;
    }
}
