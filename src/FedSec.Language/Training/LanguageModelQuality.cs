namespace FedSec.Language.Training;

/// <summary>A language model's quality on token sequences.</summary>
/// <param name="Loss">Mean next-token cross-entropy (nats).</param>
/// <param name="Tokens">Predicted tokens it is averaged over.</param>
public sealed record LanguageModelQuality(double Loss, long Tokens)
{
    /// <summary>Perplexity: e to the mean loss.</summary>
    public double Perplexity => Math.Exp(Loss);

    /// <summary>Predicted tokens whose most likely next token (argmax of the logits) is the true one.</summary>
    /// <value>The default value is 0.</value>
    public long Correct { get; init; }

    /// <summary>Top-1 next-token accuracy: <see cref="Correct"/> over <see cref="Tokens"/> (NaN without tokens).</summary>
    public double Accuracy => Tokens == 0 ? double.NaN : (double)Correct / Tokens;
}
