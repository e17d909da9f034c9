using FedSec.Aggregation;

namespace FedSec.Attacks.Mimic;

/// <summary>
/// Karimireddy, He and Jaggi's choice of whom to mimic (ICLR 2022, Appendix on the mimic attack): the benign update
/// that lies farthest along the top principal direction z of the benign updates, i* = argmaxᵢ |⟨xᵢ − μ, z⟩|. z is the
/// top eigenvector of Σᵢ (xᵢ − μ)(xᵢ − μ)ᵀ; with X the centred updates as rows, ⟨xᵢ − μ, z⟩ = √λ·uᵢ for u the top
/// eigenvector of the small Gram matrix XXᵀ, so only that n × n matrix is decomposed.
/// </summary>
internal static class MimicKernel
{
    /// <summary>The position in <paramref name="deltas"/> of the update to mimic (the first one when all coincide).</summary>
    public static int Choose(IReadOnlyList<float[]> deltas)
    {
        int n = deltas.Count;
        if (n == 1)
        {
            return 0;
        }

        var mean = WeightedMean.Unweighted(deltas);
        var centred = deltas.Select(x =>
        {
            var c = new float[x.Length];
            System.Numerics.Tensors.TensorPrimitives.Subtract(x, mean, c);
            return c;
        }).ToArray();
        var (u, value) = SymmetricEigen.Top(DotProduct.Matrix(centred));
        if (!(value > 0))
        {
            return 0;
        }

        int best = 0;
        for (int i = 1; i < n; i++)
        {
            if (Math.Abs(u[i]) > Math.Abs(u[best]) + 1e-12)
            {
                best = i;
            }
        }

        return best;
    }
}
