using static TorchSharp.torch;

namespace FedSec.Language.Training;

/// <summary>The causal language-modelling loss: mean cross-entropy of each position's logits against the next token.</summary>
public static class CausalLmLoss
{
    /// <summary>Mean next-token cross-entropy of <paramref name="logits"/> (batch × length × vocabulary) for <paramref name="tokens"/> (batch × length).</summary>
    public static Tensor Mean(Tensor logits, Tensor tokens)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(tokens);
        using var scope = NewDisposeScope();
        long vocabulary = logits.shape[^1];
        var predicted = logits[.., ..^1].reshape(-1, vocabulary);
        var next = tokens[.., 1..].reshape(-1);
        return nn.functional.cross_entropy(predicted, next).MoveToOuterDisposeScope();
    }

    /// <summary>Summed next-token cross-entropy and the number of predicted tokens.</summary>
    public static (double Sum, long Count) Sum(Tensor logits, Tensor tokens)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(tokens);
        using var scope = NewDisposeScope();
        long vocabulary = logits.shape[^1];
        var predicted = logits[.., ..^1].reshape(-1, vocabulary);
        var next = tokens[.., 1..].reshape(-1);
        double sum = nn.functional.cross_entropy(predicted.to_type(ScalarType.Float64), next, reduction: nn.Reduction.Sum).item<double>();
        return (sum, next.shape[0]);
    }
}
