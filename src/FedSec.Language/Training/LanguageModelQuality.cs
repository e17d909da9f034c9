namespace FedSec.Language.Training;

/// <summary>A language model's quality on token sequences.</summary>
/// <param name="Loss">Mean next-token cross-entropy (nats).</param>
/// <param name="Tokens">Predicted tokens it is averaged over.</param>
public sealed record LanguageModelQuality(double Loss, long Tokens)
{
    /// <summary>Perplexity: e to the mean loss.</summary>
    public double Perplexity => Math.Exp(Loss);
}
