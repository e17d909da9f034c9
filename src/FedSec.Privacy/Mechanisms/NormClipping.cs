using System.Numerics.Tensors;

namespace FedSec.Privacy.Mechanisms;

/// <summary>Scaling a vector into a norm ball: x ← x · min(1, C/‖x‖). The norm is computed in double precision.</summary>
internal static class NormClipping
{
    /// <summary>Scales <paramref name="x"/> in place to L2 norm at most <paramref name="bound"/>; returns its norm before.</summary>
    public static double ClipL2(Span<float> x, double bound)
    {
        double sum = 0;
        foreach (float v in x)
        {
            sum += (double)v * v;
        }

        return Scale(x, Math.Sqrt(sum), bound);
    }

    /// <summary>Scales <paramref name="x"/> in place to L1 norm at most <paramref name="bound"/>; returns its norm before.</summary>
    public static double ClipL1(Span<float> x, double bound)
    {
        double sum = 0;
        foreach (float v in x)
        {
            sum += Math.Abs((double)v);
        }

        return Scale(x, sum, bound);
    }

    private static double Scale(Span<float> x, double norm, double bound)
    {
        if (norm > bound)
        {
            TensorPrimitives.Multiply(x, (float)(bound / norm), x);
        }

        return norm;
    }
}
