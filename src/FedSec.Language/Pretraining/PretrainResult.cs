namespace FedSec.Language.Pretraining;

/// <summary>What a pretraining produced (also written as <c>pretrain.json</c> next to the model).</summary>
/// <param name="Directory">The model directory.</param>
/// <param name="Key">The cache key of the options.</param>
/// <param name="Cached">True when the model was already there and nothing was trained.</param>
/// <param name="TrainSequences">Training sequences.</param>
/// <param name="TestSequences">Held-out sequences.</param>
/// <param name="FinalTrainLoss">Mean training loss over the last 50 steps (or all, when fewer).</param>
/// <param name="TestLoss">Mean next-token cross-entropy on the held-out documents.</param>
public sealed record PretrainResult(string Directory, string Key, bool Cached, int TrainSequences, int TestSequences, double FinalTrainLoss, double TestLoss)
{
    /// <summary>Perplexity on the held-out documents.</summary>
    public double TestPerplexity => Math.Exp(TestLoss);
}
