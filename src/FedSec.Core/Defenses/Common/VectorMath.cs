using System.Numerics.Tensors;

namespace FedSec.Defenses.Common;

/// <summary>
/// Dense vector kernels for the defenses: dot products, norms, distances, Gram and cosine matrices. SIMD sums over
/// float blocks, accumulated in double so that million-element models keep their precision. Pure: no I/O, no
/// randomness.
/// </summary>
public static class VectorMath
{
    private const int Block = 4096;

    /// <summary>⟨x, y⟩, in blocks of float SIMD sums added up in double.</summary>
    public static double Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        CheckSameLength(x.Length, y.Length);
        double sum = 0;
        for (int start = 0; start < x.Length; start += Block)
        {
            int len = Math.Min(Block, x.Length - start);
            sum += TensorPrimitives.Dot(x.Slice(start, len), y.Slice(start, len));
        }

        return sum;
    }

    /// <summary>The Euclidean norm ‖x‖.</summary>
    public static double Norm(ReadOnlySpan<float> x) => Math.Sqrt(Dot(x, x));

    /// <summary>‖x − y‖², in blocks of float SIMD sums added up in double.</summary>
    public static double SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        CheckSameLength(x.Length, y.Length);
        double sum = 0;
        for (int start = 0; start < x.Length; start += Block)
        {
            int len = Math.Min(Block, x.Length - start);
            double d = TensorPrimitives.Distance(x.Slice(start, len), y.Slice(start, len));
            sum += d * d;
        }

        return sum;
    }

    /// <summary>cos(x, y) = ⟨x, y⟩ / (‖x‖‖y‖); 0 when either vector is zero (no direction to compare).</summary>
    public static double Cosine(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        double nx = Norm(x), ny = Norm(y);
        return nx == 0 || ny == 0 ? 0 : Math.Clamp(Dot(x, y) / (nx * ny), -1.0, 1.0);
    }

    /// <summary>The symmetric n × n matrix of ⟨xᵢ, xⱼ⟩, pairs computed in parallel (each pair alone, so the result does not depend on threads).</summary>
    public static double[,] Gram(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        int n = vectors.Count;
        var pairs = UpperPairs(n, includeDiagonal: true);
        var values = new double[pairs.Length];
        Parallel.For(0, pairs.Length, p => values[p] = Dot(vectors[pairs[p].I], vectors[pairs[p].J]));
        var g = new double[n, n];
        for (int p = 0; p < pairs.Length; p++)
        {
            var (i, j) = pairs[p];
            g[i, j] = g[j, i] = values[p];
        }

        return g;
    }

    /// <summary>
    /// The n × n matrix of cosine similarities. A zero vector has similarity 0 with every vector, itself included;
    /// every other diagonal entry is 1.
    /// </summary>
    public static double[,] CosineSimilarities(IReadOnlyList<float[]> vectors)
    {
        var g = Gram(vectors);
        int n = g.GetLength(0);
        var norms = new double[n];
        for (int i = 0; i < n; i++)
        {
            norms[i] = Math.Sqrt(g[i, i]);
        }

        var c = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                c[i, j] = norms[i] == 0 || norms[j] == 0 ? 0 : Math.Clamp(g[i, j] / (norms[i] * norms[j]), -1.0, 1.0);
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (norms[i] > 0)
            {
                c[i, i] = 1;
            }
        }

        return c;
    }

    /// <summary>
    /// The symmetric n × n matrix of Euclidean distances ‖xᵢ − xⱼ‖, each computed directly (not from the Gram matrix,
    /// whose ‖a‖² + ‖b‖² − 2⟨a, b⟩ loses the small distances between near-identical large vectors).
    /// </summary>
    public static double[,] Distances(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        int n = vectors.Count;
        var pairs = UpperPairs(n, includeDiagonal: false);
        var values = new double[pairs.Length];
        Parallel.For(0, pairs.Length, p => values[p] = Math.Sqrt(SquaredDistance(vectors[pairs[p].I], vectors[pairs[p].J])));
        var d = new double[n, n];
        for (int p = 0; p < pairs.Length; p++)
        {
            var (i, j) = pairs[p];
            d[i, j] = d[j, i] = values[p];
        }

        return d;
    }

    /// <summary>The norms of the vectors, computed in parallel.</summary>
    public static double[] Norms(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var norms = new double[vectors.Count];
        Parallel.For(0, vectors.Count, i => norms[i] = Norm(vectors[i]));
        return norms;
    }

    /// <summary>The median of the values (the mean of the two middle ones for an even count).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
    }

    /// <summary>Multiplies <paramref name="x"/> by <paramref name="factor"/> in place.</summary>
    public static void Scale(Span<float> x, double factor) => TensorPrimitives.Multiply(x, (float)factor, x);

    private static (int I, int J)[] UpperPairs(int n, bool includeDiagonal)
    {
        var pairs = new List<(int, int)>();
        for (int i = 0; i < n; i++)
        {
            for (int j = includeDiagonal ? i : i + 1; j < n; j++)
            {
                pairs.Add((i, j));
            }
        }

        return pairs.ToArray();
    }

    private static void CheckSameLength(int a, int b)
    {
        if (a != b)
        {
            throw new ArgumentException($"Vectors of {a} and {b} elements cannot be compared.");
        }
    }
}
