namespace FedSec.Attacks.ThreeDFed;

/// <summary>
/// The loss 3DFed minimises for the noise mask m_i of the i-th model of a group (<c>compute_noise_loss</c> of the
/// authors' code), on the chosen rows R of the output layer (a row: a class's weights and its bias), with b the group's
/// backdoor update on those rows:
/// L_i = [α·Σ_{r∈R} c_u / ‖b_r + m_{i,r}‖₁ + (1 − α)·c_n·‖m_{i,R}‖₂ + λ·c_l·‖Σ_i' m_{i',R}‖₂] / (1 + λ).
/// The first term makes the chosen rows' updates large (DeepSight counts "threshold exceedings" of the output
/// neurons' update energy), the second keeps the mask small, the third, with the Lagrange multiplier λ, makes the
/// masks of a group cancel in their sum, so the aggregate is the backdoor update's. The constants are the authors' for
/// MNIST: c_u = 0.1, c_n = 0.08, c_l = 0.1. Written by hand (a few hundred numbers, no autograd needed).
/// With aggregation weights w (the models' sample counts under FedAvg), the sum is Σ_i ω_i·m_i with ω_i = w_i / mean(w),
/// so that the masks cancel in the server's weighted mean; equal weights give the authors' plain sum.
/// </summary>
internal static class NoiseMaskObjective
{
    public const double UpsWeight = 0.1;
    public const double NormWeight = 0.08;
    public const double LagrangeWeight = 0.1;

    /// <summary>L_i for masks[i] (rows × width), base rows b, α and λ; ω (null: all 1) weighs the sum of the masks.</summary>
    public static double Loss(double[][][] masks, int i, double[][] b, double alpha, double lambda, IReadOnlyList<double>? omega = null)
    {
        double ups = 0;
        for (int r = 0; r < b.Length; r++)
        {
            double l1 = 0;
            for (int k = 0; k < b[r].Length; k++)
            {
                l1 += Math.Abs(b[r][k] + masks[i][r][k]);
            }

            ups += UpsWeight / l1;
        }

        double norm = NormWeight * Norm(masks[i]);
        double lag = LagrangeWeight * Norm(Sum(masks, omega));
        return ((alpha * ups) + ((1 - alpha) * norm) + (lambda * lag)) / (1 + lambda);
    }

    /// <summary>∂L_i/∂m_i (the masks of the other models held fixed).</summary>
    public static double[][] Gradient(double[][][] masks, int i, double[][] b, double alpha, double lambda, IReadOnlyList<double>? omega = null)
    {
        var m = masks[i];
        double norm = Norm(m);
        var sum = Sum(masks, omega);
        double own = omega?[i] ?? 1;
        double sumNorm = Norm(sum);
        var grad = new double[b.Length][];
        for (int r = 0; r < b.Length; r++)
        {
            double l1 = 0;
            for (int k = 0; k < b[r].Length; k++)
            {
                l1 += Math.Abs(b[r][k] + m[r][k]);
            }

            grad[r] = new double[b[r].Length];
            for (int k = 0; k < b[r].Length; k++)
            {
                double g = alpha * (-UpsWeight / (l1 * l1)) * Math.Sign(b[r][k] + m[r][k]);
                g += norm > 0 ? (1 - alpha) * NormWeight * m[r][k] / norm : 0;
                g += sumNorm > 0 ? lambda * LagrangeWeight * own * sum[r][k] / sumNorm : 0;
                grad[r][k] = g / (1 + lambda);
            }
        }

        return grad;
    }

    /// <summary>Σ_i ω_i·masks[i] (ω null: all 1).</summary>
    public static double[][] Sum(double[][][] masks, IReadOnlyList<double>? omega = null)
    {
        var sum = masks[0].Select(row => new double[row.Length]).ToArray();
        for (int i = 0; i < masks.Length; i++)
        {
            var m = masks[i];
            double w = omega?[i] ?? 1;
            for (int r = 0; r < m.Length; r++)
            {
                for (int k = 0; k < m[r].Length; k++)
                {
                    sum[r][k] += w * m[r][k];
                }
            }
        }

        return sum;
    }

    /// <summary>The Euclidean norm of all rows together.</summary>
    public static double Norm(double[][] rows) => Math.Sqrt(rows.Sum(row => row.Sum(v => v * v)));
}
