using FedSec.Randomness;

namespace FedSec.Attacks.ThreeDFed;

/// <summary>
/// 3DFed's noise masks for one group of backdoor models (<c>noise_mask_design</c> of the authors' code): each mask
/// starts as Gaussian noise (σ = 0.05, or 0.01 once the server is known to add noise) centred on the group's mean, so
/// the group's masks start summing to zero; then 30 rounds in which every mask takes one SGD step (learning rate 0.1,
/// momentum 0.9, weight decay 5e-4, as the authors' optimizer) on its own loss <see cref="NoiseMaskObjective"/> and the
/// Lagrange multiplier λ (from 1) takes a dual-ascent step λ += step·‖Σ m‖₂. The authors' loop lets each backward pass
/// add into the gradients of the masks stepped after it (one shared graph); here each mask descends its own loss. The
/// Lagrange term only drives the sum towards zero; the masks are centred once more at the end (a projection onto the
/// constraint), so a group's masks leave the aggregate exactly as the backdoor models make it. Given the models'
/// aggregation weights, the sum and the projection are weighted (<see cref="NoiseMaskObjective"/>): the authors' server
/// averages with equal weights, FedAvg weighs by sample count, and unweighted masks would leave (w_1 − w_2)·m in it.
/// </summary>
internal static class NoiseMaskDesign
{
    public const int Iterations = 30;
    public const double LearningRate = 0.1;
    public const double Momentum = 0.9;
    public const double WeightDecay = 5e-4;

    /// <summary>
    /// The masks (models × rows × width) for a group of <paramref name="groupSize"/> models with base rows
    /// <paramref name="b"/>, cancelling in the sum weighted by <paramref name="weights"/> (null: equal weights).
    /// </summary>
    public static double[][][] Design(double[][] b, int groupSize, double alpha, double lagrangeStep, bool weakDp, Random rng, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(rng);
        var omega = Omega(weights, groupSize);
        double sigma = weakDp ? 0.01 : 0.05;
        var masks = new double[groupSize][][];
        for (int i = 0; i < groupSize; i++)
        {
            masks[i] = b.Select(row => row.Select(_ => sigma * rng.NextGaussian()).ToArray()).ToArray();
        }

        Centre(masks, omega);
        var velocity = masks.Select(m => m.Select(row => new double[row.Length]).ToArray()).ToArray();
        double lambda = 1;
        for (int it = 0; it < Iterations; it++)
        {
            for (int i = 0; i < groupSize; i++)
            {
                var grad = NoiseMaskObjective.Gradient(masks, i, b, alpha, lambda, omega);
                for (int r = 0; r < b.Length; r++)
                {
                    for (int k = 0; k < b[r].Length; k++)
                    {
                        double g = grad[r][k] + (WeightDecay * masks[i][r][k]);
                        velocity[i][r][k] = it == 0 ? g : (Momentum * velocity[i][r][k]) + g;
                        masks[i][r][k] -= LearningRate * velocity[i][r][k];
                    }
                }
            }

            lambda += lagrangeStep * NoiseMaskObjective.Norm(NoiseMaskObjective.Sum(masks, omega));
        }

        Centre(masks, omega);
        return masks;
    }

    // ω_i = w_i / mean(w); null for equal weights (the authors' case, bit for bit) and when some weight is not positive
    // and finite (a client without samples enters the mean with weight 0, so no mask can cancel against it: the
    // authors' plain sum is kept).
    private static double[]? Omega(IReadOnlyList<double>? weights, int groupSize)
    {
        if (weights is null)
        {
            return null;
        }

        if (weights.Count != groupSize)
        {
            throw new ArgumentException($"a group of {groupSize} models needs {groupSize} weights, not {weights.Count}.", nameof(weights));
        }

        if (weights.All(w => w == weights[0]) || weights.Any(w => !(w > 0) || double.IsInfinity(w)))
        {
            return null;
        }

        double mean = weights.Average();
        return weights.Select(w => w / mean).ToArray();
    }

    // The orthogonal projection onto Σ ω_i·m_i = 0: m_i −= ω_i·S / Σ ω_j², the smallest change that makes the weighted
    // sum S zero (with equal weights, the authors' centring m_i −= S / n). A uniform shift S / Σ ω would also cancel,
    // but puts as large a correction on a client of few samples as on one of many.
    private static void Centre(double[][][] masks, double[]? omega)
    {
        var sum = NoiseMaskObjective.Sum(masks, omega);
        double squares = omega?.Sum(w => w * w) ?? masks.Length;
        for (int i = 0; i < masks.Length; i++)
        {
            var m = masks[i];
            double share = omega?[i] ?? 1;
            for (int r = 0; r < m.Length; r++)
            {
                for (int k = 0; k < m[r].Length; k++)
                {
                    m[r][k] -= share * sum[r][k] / squares;
                }
            }
        }
    }
}
