namespace FedSec.Simulation;

/// <summary>What local training produced.</summary>
/// <param name="Weights">The trained flat model.</param>
/// <param name="Steps">Optimizer steps taken.</param>
/// <param name="MeanLoss">Mean training loss over the steps.</param>
public sealed record LocalTrainingResult(float[] Weights, int Steps, double MeanLoss);
