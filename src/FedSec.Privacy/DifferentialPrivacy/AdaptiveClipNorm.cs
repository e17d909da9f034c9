namespace FedSec.Privacy.DifferentialPrivacy;

/// <summary>
/// Adaptive clipping (Andrew, Thakkar, McMahan and Ramaswamy, "Differentially private learning with adaptive clipping",
/// NeurIPS 2021): each round the clients report whether their update's norm was at most C; the server noises the count,
/// b̃ = (Σ bᵢ + N(0, σ_b²))/m, and moves C geometrically towards the target quantile γ: C ← C·exp(−η_C (b̃ − γ)). The
/// count is a second Gaussian query, so a total noise multiplier z is split: the updates get
/// z_Δ = (z⁻² − (2σ_b)⁻²)^(−1/2) (their Theorem 1; the count's sensitivity is ½ after centring), and the accountant sees z.
/// </summary>
public static class AdaptiveClipNorm
{
    /// <summary>The updates' noise multiplier z_Δ when the count takes noise σ_b out of a total z (needs z &lt; 2σ_b).</summary>
    public static double UpdateNoiseMultiplier(double total, double countStddev)
    {
        if (!(total > 0) || !(countStddev > 0) || total >= 2 * countStddev)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, $"Needs 0 < z < 2·sigma_b = {2 * countStddev}; got z = {total}.");
        }

        return 1 / Math.Sqrt((1 / (total * total)) - (1 / (4 * countStddev * countStddev)));
    }

    /// <summary>The next clip norm from the noised unclipped fraction b̃.</summary>
    public static double Next(double clip, double noisedUnclippedFraction, double targetQuantile, double learningRate) =>
        clip * Math.Exp(-learningRate * (noisedUnclippedFraction - targetQuantile));
}
