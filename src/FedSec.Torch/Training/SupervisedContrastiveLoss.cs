using static TorchSharp.torch;

namespace FedSec.Torch.Training;

/// <summary>
/// The supervised-contrastive loss (Khosla et al., NeurIPS 2020) as Chameleon's authors weight it
/// (<c>SupConLoss</c> in <c>utils/losses.py</c> of <c>ybdai7/Chameleon-durable-backdoor</c>, one view per sample):
/// for anchor i with positives P(i) = { j ≠ i : y_j = y_i },
/// ℓ_i = −(τ/τ_b) · w_i / |P(i)| · Σ_{p ∈ P(i)} log( exp(z_i·z_p/τ) / Σ_{a ≠ i} exp(z_i·z_a/τ) ),
/// with w_i the facilitator weight when y_i is the target label and 1 otherwise, ℓ_i = 0 when P(i) is empty, and the loss
/// the mean of ℓ_i over the whole batch. With poisoned samples labelled the target, their positives are the target
/// class's benign samples (the facilitators) and their negatives include their own class's (the interferers).
/// Written here because no .NET library has it (TorchSharp has no contrastive losses).
/// </summary>
internal static class SupervisedContrastiveLoss
{
    /// <summary>The loss of <paramref name="features"/> (N × d, each row already L2-normalised) with labels <paramref name="labels"/>.</summary>
    /// <param name="features">One embedding per sample; the caller normalises them (the authors' encoder ends in <c>F.normalize</c>).</param>
    /// <param name="labels">Class indices, N, int64.</param>
    /// <param name="temperature">τ.</param>
    /// <param name="facilitatorLabel">The target label, whose anchors' positive terms get <paramref name="facilitatorWeight"/>.</param>
    /// <param name="facilitatorWeight">w for anchors labelled <paramref name="facilitatorLabel"/>.</param>
    /// <param name="baseTemperature">τ_b; the loss is scaled by τ/τ_b (1 with the authors' τ = τ_b = 0.07).</param>
    public static Tensor Compute(Tensor features, Tensor labels, double temperature, long facilitatorLabel, double facilitatorWeight, double baseTemperature)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        long n = features.shape[0];
        if (n < 2)
        {
            throw new ArgumentException($"The contrastive loss needs at least 2 samples; got {n}.", nameof(features));
        }

        using var scope = NewDisposeScope();
        var similarity = features.matmul(features.t()).Over(temperature);

        // Subtracting each row's maximum changes no value of the loss; it keeps exp() finite.
        var logits = similarity - similarity.max(1, keepdim: true).values.detach();
        var notSelf = ones(n, n, dtype: features.dtype, device: features.device) - eye(n, dtype: features.dtype, device: features.device);
        var column = labels.view(-1, 1);
        var positives = column.eq(column.t()).to_type(features.dtype) * notSelf;
        var anchorWeight = where(labels.EqualTo(facilitatorLabel), tensor(facilitatorWeight, features.dtype), tensor(1.0, features.dtype)).view(-1, 1);
        var logProb = logits - (logits.exp() * notSelf).sum(1, keepdim: true).log();
        var perAnchor = (positives * anchorWeight * logProb).sum(1) / positives.sum(1).AtLeast(1);
        return perAnchor.mean().Times(-(temperature / baseTemperature)).MoveToOuterDisposeScope();
    }
}
