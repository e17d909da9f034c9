namespace FedSec.Aggregation;

/// <summary>
/// Dot products ⟨x, y⟩ of flat vectors: float SIMD sums over blocks of <see cref="Block"/> elements, the block sums
/// added in double in block order, so million-element models keep their precision and every caller gets the same bits.
/// <see cref="VectorNorms.L2(ReadOnlySpan{float})"/> and <see cref="CosineSimilarity"/> are built on it.
/// </summary>
public static class DotProduct
{
    /// <summary>Elements per float block.</summary>
    internal const int Block = 4096;

    /// <summary>⟨x, y⟩.</summary>
    public static double Of(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"Vectors of {x.Length} and {y.Length} elements have no dot product.", nameof(y));
        }

        double sum = 0;
        for (int start = 0; start < x.Length; start += Block)
        {
            int len = Math.Min(Block, x.Length - start);
            sum += WideBlock.Dot(x.Slice(start, len), y.Slice(start, len));
        }

        return sum;
    }

    /// <summary>
    /// The symmetric n × n Gram matrix of ⟨xᵢ, xⱼ⟩, pairs computed in parallel (each pair by <see cref="Of"/> alone, so
    /// the result does not depend on the thread count).
    /// </summary>
    public static double[,] Matrix(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        int n = vectors.Count;
        var pairs = new List<(int I, int J)>();
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                pairs.Add((i, j));
            }
        }

        var values = new double[pairs.Count];
        Parallel.For(0, pairs.Count, p => values[p] = Of(vectors[pairs[p].I], vectors[pairs[p].J]));
        var g = new double[n, n];
        for (int p = 0; p < pairs.Count; p++)
        {
            var (i, j) = pairs[p];
            g[i, j] = g[j, i] = values[p];
        }

        return g;
    }
}
