using FedSec.Aggregation;
using MathNet.Numerics.LinearAlgebra;

namespace FedSec.Defenses.FLDetector;

/// <summary>
/// The L-BFGS estimate of a Hessian-vector product H·v from the last m pairs sⱼ = wⱼ − wⱼ₋₁ (model changes) and
/// yⱼ = gⱼ − gⱼ₋₁ (update changes), in the compact form of Byrd, Nocedal and Schnabel (1994) that FLDetector's
/// Algorithm 1 uses: with S = [s₁ … s_m], Y = [y₁ … y_m], A = SᵀY, D = diag(A), L the strictly lower triangle of A and
/// σ = y_mᵀs_m / s_mᵀs_m,
/// H·v ≈ σv − [σS  Y] · M⁻¹ · [σSᵀv ; Yᵀv], M = [[σSᵀS, L], [Lᵀ, −D]].
/// It meets the secant condition of the latest pair, B·s_m = y_m. The 2m × 2m solve uses MathNet.Numerics; the d-long products are plain loops.
/// </summary>
internal static class LbfgsHessianProduct
{
    /// <summary>H·<paramref name="v"/> from the pairs (oldest first); zero when there is no pair or σ is undefined.</summary>
    public static double[] Estimate(IReadOnlyList<(float[] S, float[] Y)> pairs, ReadOnlySpan<float> v)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        int m = pairs.Count, d = v.Length;
        var result = new double[d];
        if (m == 0)
        {
            return result;
        }

        var (sLast, yLast) = pairs[m - 1];
        double ss = DotProduct.Of(sLast, sLast);
        if (ss == 0)
        {
            return result;
        }

        double sigma = DotProduct.Of(yLast, sLast) / ss;
        var block = Matrix<double>.Build.Dense(2 * m, 2 * m);
        var rhs = Vector<double>.Build.Dense(2 * m);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                block[i, j] = sigma * DotProduct.Of(pairs[i].S, pairs[j].S);
                double a = DotProduct.Of(pairs[i].S, pairs[j].Y);
                if (i > j)
                {
                    block[i, m + j] = a;   // L
                    block[m + j, i] = a;   // Lᵀ
                }
                else if (i == j)
                {
                    block[m + i, m + i] = -a;   // −D
                }
            }

            rhs[i] = sigma * DotProduct.Of(pairs[i].S, v);
            rhs[m + i] = DotProduct.Of(pairs[i].Y, v);
        }

        var p = block.Solve(rhs);
        for (int k = 0; k < d; k++)
        {
            result[k] = sigma * v[k];
        }

        for (int i = 0; i < m; i++)
        {
            double a = sigma * p[i], b = p[m + i];
            if (!double.IsFinite(a) || !double.IsFinite(b))
            {
                // A singular system (repeated pairs): no curvature information beyond σ.
                Array.Clear(result);
                for (int k = 0; k < d; k++)
                {
                    result[k] = sigma * v[k];
                }

                return result;
            }

            var s = pairs[i].S;
            var y = pairs[i].Y;
            for (int k = 0; k < d; k++)
            {
                result[k] -= (a * s[k]) + (b * y[k]);
            }
        }

        return result;
    }
}
