using System.Numerics.Tensors;

namespace FedSec.Aggregation;

/// <summary>L2 norms, distances and norm clipping of flat vectors, SIMD in blocks with the block sums added in double.</summary>
public static class VectorNorms
{
    /// <summary>‖x‖₂ = √⟨x, x⟩, with <see cref="DotProduct.Of"/>'s block sums.</summary>
    public static double L2(ReadOnlySpan<float> x) => Math.Sqrt(DotProduct.Of(x, x));

    /// <summary>The norm of every vector (<see cref="L2(ReadOnlySpan{float})"/>), computed in parallel.</summary>
    public static double[] L2(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var norms = new double[vectors.Count];
        Parallel.For(0, vectors.Count, i => norms[i] = L2(vectors[i]));
        return norms;
    }

    /// <summary>‖x − y‖₂.</summary>
    public static double Distance(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => Math.Sqrt(PairwiseDistances.SquaredDistance(x, y));

    /// <summary>
    /// Scales <paramref name="x"/> in place to norm at most <paramref name="bound"/> (x ← x · min(1, bound/‖x‖)), and
    /// returns the norm it had. The float result is measured again, so its norm never exceeds the bound.
    /// </summary>
    public static double ClipInPlace(Span<float> x, double bound)
    {
        CheckBound(bound);
        double norm = L2(x);
        double current = norm, margin = 1;
        while (current > bound)
        {
            TensorPrimitives.Multiply(x, (float)(bound / current * margin), x);
            current = L2(x);

            // Should rounding land above the bound, the next factor aims a hair under it.
            margin = 1 - 1e-7;
        }

        return norm;
    }

    /// <summary>
    /// c + (x − c) · min(1, bound/‖x − c‖), a new vector whose distance to <paramref name="center"/> is at most
    /// <paramref name="bound"/> (measured again in float, so rounding never pushes it over); returns ‖x − c‖ too.
    /// Many vectors around one centre: <see cref="ClipAroundCenter"/>.
    /// </summary>
    public static float[] ClipAround(ReadOnlySpan<float> x, ReadOnlySpan<float> center, double bound, out double distance)
    {
        CheckBound(bound);
        if (x.Length != center.Length)
        {
            throw new ArgumentException($"Vectors of {x.Length} and {center.Length} elements.", nameof(center));
        }

        distance = Distance(x, center);
        if (distance <= bound)
        {
            return x.ToArray();
        }

        var result = GC.AllocateUninitializedArray<float>(x.Length);
        ClipAroundCenter.Rescale(x, center, bound, bound / distance, result);
        return result;
    }

    private static void CheckBound(double bound)
    {
        if (!(bound >= 0) || double.IsNaN(bound))
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "The norm bound must be a non-negative number.");
        }
    }
}
