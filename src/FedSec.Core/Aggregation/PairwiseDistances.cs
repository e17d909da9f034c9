namespace FedSec.Aggregation;

/// <summary>
/// Squared Euclidean distances between every pair of vectors (Krum, Bulyan, NNM, FLAME, ...). Computed from a Gram
/// matrix, ‖xᵢ − xⱼ‖² = ‖xᵢ‖² + ‖xⱼ‖² − 2⟨xᵢ, xⱼ⟩, in cache-sized column blocks with a SIMD register-tiled kernel
/// (<see cref="GramMatrix"/>). The vectors are centred per block first (distances do not change), and any pair whose
/// distance is small next to its centred norms, where the subtraction would cancel, is recomputed directly.
/// </summary>
public static class PairwiseDistances
{
    /// <summary>
    /// Pairs with ‖xᵢ − xⱼ‖² below this share of ‖xᵢ‖² + ‖xⱼ‖² (centred) are recomputed from differences. The Gram
    /// entries carry a relative error of a few 1e-6 of the norms, so this keeps every distance within ~1e-4 of the
    /// direct value.
    /// </summary>
    internal const double CancellationThreshold = 1.0 / 16;

    /// <summary>
    /// <see cref="SquaredDistance"/> sums float SIMD distances over blocks of this many elements in double; kernels
    /// that must give the same numbers (<see cref="ClipAroundCenter"/>) use the same blocks.
    /// </summary>
    internal const int DistanceBlock = 4096;

    /// <summary>Vectors shorter than this are compared directly.</summary>
    internal const int DirectBelow = 2048;

    /// <summary>The symmetric n × n matrix of ‖xᵢ − xⱼ‖² (zero diagonal), accumulated in double.</summary>
    public static double[,] Squared(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        int n = vectors.Count;
        var result = new double[n, n];
        if (n < 2)
        {
            return result;
        }

        if (VectorChecks.CommonLength(vectors) < DirectBelow)
        {
            // Short vectors: blocking buys nothing, and differences are exact for small integer-valued data.
            return SquaredDirect(vectors);
        }

        var gram = GramMatrix.Centered(vectors, out int stride);
        if (!Array.TrueForAll(gram, double.IsFinite))
        {
            // A block's float products overflowed (entries beyond ~1e17): every pair from differences, exact in double.
            return SquaredDirect(vectors);
        }

        var direct = new List<(int I, int J)>();
        for (int i = 0; i < n; i++)
        {
            double gii = gram[(i * stride) + i];
            for (int j = i + 1; j < n; j++)
            {
                double gjj = gram[(j * stride) + j];
                double d = gii + gjj - (2 * gram[(i * stride) + j]);
                if (d < CancellationThreshold * (gii + gjj))
                {
                    direct.Add((i, j));
                }
                else
                {
                    result[i, j] = result[j, i] = d;
                }
            }
        }

        var values = new double[direct.Count];
        Parallel.For(0, direct.Count, p => values[p] = SquaredDistance(vectors[direct[p].I], vectors[direct[p].J]));
        for (int p = 0; p < direct.Count; p++)
        {
            var (i, j) = direct[p];
            result[i, j] = result[j, i] = values[p];
        }

        return result;
    }

    /// <summary>‖x − y‖², in blocks of float SIMD sums added up in double.</summary>
    public static double SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"Vectors of {x.Length} and {y.Length} elements.");
        }

        double sum = 0;
        for (int start = 0; start < x.Length; start += DistanceBlock)
        {
            int len = Math.Min(DistanceBlock, x.Length - start);
            sum += WideBlock.SquaredDistance(x.Slice(start, len), y.Slice(start, len));
        }

        return sum;
    }

    /// <summary>
    /// The same matrix from differences only, every pair by <see cref="SquaredDistance"/> (in parallel, each pair alone):
    /// exact for near-identical large vectors, where ‖a‖² + ‖b‖² − 2⟨a, b⟩ would cancel, at the cost of n(n − 1)/2
    /// passes over the data. Also the reference for tests and benchmarks.
    /// </summary>
    public static double[,] SquaredDirect(IReadOnlyList<float[]> vectors)
    {
        int n = vectors.Count;
        var result = new double[n, n];
        var pairs = new List<(int I, int J)>();
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                pairs.Add((i, j));
            }
        }

        var values = new double[pairs.Count];
        Parallel.For(0, pairs.Count, p => values[p] = SquaredDistance(vectors[pairs[p].I], vectors[pairs[p].J]));
        for (int p = 0; p < pairs.Count; p++)
        {
            var (i, j) = pairs[p];
            result[i, j] = result[j, i] = values[p];
        }

        return result;
    }
}
