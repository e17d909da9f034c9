namespace FedSec.Stages;

/// <summary>What <see cref="IModelProbe.Probe"/> returns for a batch of inputs.</summary>
/// <param name="Probabilities">Per input, the softmax of the model's logits (one value per class).</param>
/// <param name="Features">Per input, the penultimate-layer representation; null when not asked for.</param>
public sealed record ProbeOutputs(float[][] Probabilities, float[][]? Features);
