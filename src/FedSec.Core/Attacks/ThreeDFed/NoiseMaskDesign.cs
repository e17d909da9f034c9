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
/// constraint), so a group's masks leave the aggregate exactly as the backdoor models make it.
/// </summary>
internal static class NoiseMaskDesign
{
    public const int Iterations = 30;
    public const double LearningRate = 0.1;
    public const double Momentum = 0.9;
    public const double WeightDecay = 5e-4;

    /// <summary>The masks (models × rows × width) for a group of <paramref name="groupSize"/> models with base rows <paramref name="b"/>.</summary>
    public static double[][][] Design(double[][] b, int groupSize, double alpha, double lagrangeStep, bool weakDp, Random rng)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(rng);
        double sigma = weakDp ? 0.01 : 0.05;
        var masks = new double[groupSize][][];
        for (int i = 0; i < groupSize; i++)
        {
            masks[i] = b.Select(row => row.Select(_ => sigma * rng.NextGaussian()).ToArray()).ToArray();
        }

        Centre(masks);
        var velocity = masks.Select(m => m.Select(row => new double[row.Length]).ToArray()).ToArray();
        double lambda = 1;
        for (int it = 0; it < Iterations; it++)
        {
            for (int i = 0; i < groupSize; i++)
            {
                var grad = NoiseMaskObjective.Gradient(masks, i, b, alpha, lambda);
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

            lambda += lagrangeStep * NoiseMaskObjective.Norm(NoiseMaskObjective.Sum(masks));
        }

        Centre(masks);
        return masks;
    }

    // Subtracts the group's mean from every mask, so that they sum to zero.
    private static void Centre(double[][][] masks)
    {
        var sum = NoiseMaskObjective.Sum(masks);
        foreach (var m in masks)
        {
            for (int r = 0; r < m.Length; r++)
            {
                for (int k = 0; k < m[r].Length; k++)
                {
                    m[r][k] -= sum[r][k] / masks.Length;
                }
            }
        }
    }
}
