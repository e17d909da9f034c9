using FedSec.Parameters;

namespace FedSec.Attacks.EdgeCase;

/// <summary>
/// Projection of a model onto the L2 ball of radius ε around the global model G, over the trainable parameters (the PGD
/// step of Wang et al., "Attack of the Tails", NeurIPS 2020): when ‖X − G‖ &gt; ε, X ← G + ε (X − G)/‖X − G‖, so the
/// update keeps its direction and gets norm ε; inside the ball X is left as it is. Buffers (BatchNorm statistics) are
/// not parameters and are left alone. Pure kernel.
/// </summary>
internal static class L2BallProjection
{
    /// <summary>Projects <paramref name="weights"/> in place; returns ‖X − G‖ over the trainable parameters before projecting.</summary>
    public static double Project(Span<float> weights, ReadOnlySpan<float> global, ParameterLayout layout, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(layout);
        layout.CheckLength(weights.Length);
        layout.CheckLength(global.Length);
        if (!(epsilon > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "The ball's radius must be positive.");
        }

        double squares = 0;
        foreach (var e in layout.Entries)
        {
            if (e.Kind != ParameterKind.Trainable)
            {
                continue;
            }

            for (int j = e.Offset; j < e.Offset + e.Length; j++)
            {
                double d = weights[j] - (double)global[j];
                squares += d * d;
            }
        }

        double norm = Math.Sqrt(squares);
        if (norm <= epsilon)
        {
            return norm;
        }

        double scale = epsilon / norm;
        foreach (var e in layout.Entries)
        {
            if (e.Kind != ParameterKind.Trainable)
            {
                continue;
            }

            for (int j = e.Offset; j < e.Offset + e.Length; j++)
            {
                weights[j] = (float)(global[j] + (scale * (weights[j] - (double)global[j])));
            }
        }

        return norm;
    }
}
