namespace FedSec.Torch.Training;

/// <summary>The outcome of one client's local training.</summary>
/// <param name="Weights">The trained flat model (trainable parameters and buffers, in the trainer's layout).</param>
/// <param name="Steps">Optimizer steps taken: epochs × ⌈samples / batch size⌉.</param>
/// <param name="MeanLoss">
/// Mean cross-entropy over every sample seen in training (each batch's loss weighted by its size), measured before
/// each step; without FedProx's proximal term. 0 when no step was taken (no local data).
/// </param>
public sealed record LocalTrainingResult(float[] Weights, int Steps, double MeanLoss);
