namespace FedSec.Language.Training;

/// <summary>How a causal language model trains locally (FedLLM's defaults: AdamW at 3e-4, gradient clipping).</summary>
/// <param name="Steps">Optimizer steps (<c>local_steps</c>); batches cycle through the data in a seeded order, reshuffled each pass.</param>
/// <param name="BatchSize">Sequences per batch.</param>
/// <param name="LearningRate">AdamW's learning rate.</param>
/// <param name="WeightDecay">AdamW's decoupled weight decay.</param>
/// <param name="MaxGradNorm">Gradients are scaled down to this total L2 norm when above it; 0 turns clipping off.</param>
public sealed record CausalLmSettings(int Steps, int BatchSize, double LearningRate = 3e-4, double WeightDecay = 0, double MaxGradNorm = 1.0);
