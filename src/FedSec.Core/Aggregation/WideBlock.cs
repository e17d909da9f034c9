using System.Numerics.Tensors;

namespace FedSec.Aggregation;

/// <summary>
/// The float SIMD block kernels' results, made exact when float overflows. A block's sum of squares or of products
/// overflows float once its entries pass about 10¹⁷, although the vectors themselves are finite (a boosted or diverging
/// attacker's update); the kernel then returns infinity, and a defense would take the distance as infinite (a geometric
/// median with every distance infinite has no weights left; a clip by bound/∞ zeroes the update instead of scaling it).
/// Such a block is computed again in double, where every finite float vector's sums are finite; other blocks keep
/// their float results, bit for bit.
/// </summary>
internal static class WideBlock
{
    /// <summary>‖x − y‖² of one block: the float SIMD distance squared, or the double sum when float overflowed.</summary>
    public static double SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        float dist = TensorPrimitives.Distance(x, y);
        return float.IsFinite(dist) ? (double)dist * dist : SquaredDistanceInDouble(x, y);
    }

    /// <summary>⟨x, y⟩ of one block: the float SIMD dot product, or the double sum when float overflowed.</summary>
    public static double Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        float dot = TensorPrimitives.Dot(x, y);
        return float.IsFinite(dot) ? dot : DotInDouble(x, y);
    }

    /// <summary>‖x − y‖², every term in double.</summary>
    public static double SquaredDistanceInDouble(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = (double)x[i] - y[i];
            sum += d * d;
        }

        return sum;
    }

    /// <summary>⟨x, y⟩, every term in double.</summary>
    public static double DotInDouble(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += (double)x[i] * y[i];
        }

        return sum;
    }
}
