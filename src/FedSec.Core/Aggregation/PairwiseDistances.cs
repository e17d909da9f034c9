using System.Numerics.Tensors;

namespace FedSec.Aggregation;

/// <summary>Squared Euclidean distances between every pair of vectors.</summary>
public static class PairwiseDistances
{
    /// <summary>The symmetric n × n matrix of ‖xᵢ − xⱼ‖², accumulated in double per pair.</summary>
    public static double[,] Squared(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        int n = vectors.Count;
        var d = new double[n, n];
        var pairs = new List<(int I, int J)>();
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                pairs.Add((i, j));
            }
        }

        var values = new double[pairs.Count];
        Parallel.For(0, pairs.Count, p =>
        {
            var (i, j) = pairs[p];
            values[p] = SquaredDistance(vectors[i], vectors[j]);
        });
        for (int p = 0; p < pairs.Count; p++)
        {
            var (i, j) = pairs[p];
            d[i, j] = d[j, i] = values[p];
        }

        return d;
    }

    /// <summary>‖x − y‖², in blocks of float SIMD sums added up in double.</summary>
    public static double SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"Vectors of {x.Length} and {y.Length} elements.");
        }

        const int block = 4096;
        double sum = 0;
        for (int start = 0; start < x.Length; start += block)
        {
            int len = Math.Min(block, x.Length - start);
            float dist = TensorPrimitives.Distance(x.Slice(start, len), y.Slice(start, len));
            sum += (double)dist * dist;
        }

        return sum;
    }
}
