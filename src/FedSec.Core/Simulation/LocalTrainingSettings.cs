using FedSec.Configuration;
using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>How a client trains locally (FedML's <c>train_args</c>).</summary>
/// <param name="Epochs">Local epochs.</param>
/// <param name="BatchSize">Mini-batch size; the last partial batch is kept.</param>
/// <param name="Optimizer">The optimizer.</param>
/// <param name="LearningRate">The client learning rate.</param>
/// <param name="Momentum">SGD momentum.</param>
/// <param name="WeightDecay">L2 weight decay.</param>
/// <param name="ProximalMu">FedProx's μ: adds μ/2·‖w − G‖² to the loss; 0 turns it off.</param>
public sealed record LocalTrainingSettings(
    int Epochs,
    int BatchSize,
    ClientOptimizer Optimizer,
    double LearningRate,
    double Momentum,
    double WeightDecay,
    double ProximalMu)
{
    /// <summary>
    /// A malicious client's constraint on its model during training (applied between optimizer steps, see
    /// <see cref="ILocalModelConstraint"/>); null for normal training.
    /// </summary>
    /// <value>The default value is null.</value>
    public ILocalModelConstraint? Constraint { get; init; }

    /// <summary>The most optimizer steps to take (FedSGD: 1); 0 takes every step of <see cref="Epochs"/> epochs.</summary>
    /// <value>The default value is 0.</value>
    public int MaxSteps { get; init; }

    /// <summary>
    /// A malicious client's own training objective (<see cref="IShapesLocalObjective"/>), trained instead of the plain
    /// local loss; null for normal training.
    /// </summary>
    /// <value>The default value is null.</value>
    public AdversarialObjective? Objective { get; init; }
}
