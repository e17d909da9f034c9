namespace FedSec.Stages;

/// <summary>What a data-reconstruction attack recovered from one client in one round, and how well.</summary>
/// <param name="ClientId">The attacked client.</param>
/// <param name="Metrics">Quality measures, e.g. <c>mse</c>, <c>psnr</c>, <c>label_accuracy</c>.</param>
/// <param name="Files">Files written (reconstructed images and the originals), relative to the run's output.</param>
public sealed record ReconstructionReport(int ClientId, IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<string> Files);
