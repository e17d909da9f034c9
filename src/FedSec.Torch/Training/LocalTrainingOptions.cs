using FedSec.Configuration;
using FedSec.Stages;

namespace FedSec.Torch.Training;

/// <summary>How a client trains locally in one round (FedML's <c>train_args</c>).</summary>
public sealed record LocalTrainingOptions
{
    /// <summary>Passes over the local data per round (<c>epochs</c>).</summary>
    /// <value>The default value is 1.</value>
    public int Epochs { get; init; } = 1;

    /// <summary>Samples per optimizer step (<c>batch_size</c>); the last, partial batch of an epoch is kept.</summary>
    /// <value>The default value is 10.</value>
    public int BatchSize { get; init; } = 10;

    /// <summary>The optimizer (<c>client_optimizer</c>).</summary>
    /// <value>The default value is <see cref="ClientOptimizer.Sgd"/>.</value>
    public ClientOptimizer Optimizer { get; init; } = ClientOptimizer.Sgd;

    /// <summary>Step size (<c>learning_rate</c>).</summary>
    /// <value>The default value is 0.03.</value>
    public double LearningRate { get; init; } = 0.03;

    /// <summary>SGD momentum, in [0, 1); ignored by Adam.</summary>
    /// <value>The default value is 0.</value>
    public double Momentum { get; init; }

    /// <summary>L2 weight decay added to the gradient by the optimizer (<c>weight_decay</c>).</summary>
    /// <value>The default value is 0.</value>
    public double WeightDecay { get; init; }

    /// <summary>Use the AMSGrad variant of Adam (FedML's client Adam does); ignored by SGD.</summary>
    /// <value>The default value is false.</value>
    public bool Amsgrad { get; init; }

    /// <summary>
    /// FedProx's μ (Li et al., "Federated Optimization in Heterogeneous Networks", MLSys 2020): the local loss gains
    /// μ/2 · ‖w − w_global‖² over the trainable parameters. 0 turns the term off (plain FedAvg local training).
    /// </summary>
    /// <value>The default value is 0.</value>
    public double ProximalMu { get; init; }

    /// <summary>
    /// A malicious client's constraint on its model between optimizer steps (the PGD projection of "Attack of the
    /// Tails"): applied after the steps <see cref="ILocalModelConstraint"/> names; null for normal training.
    /// </summary>
    /// <value>The default value is null.</value>
    public ILocalModelConstraint? Constraint { get; init; }

    /// <summary>
    /// The most optimizer steps to take (FedSGD: 1, the first mini-batch of the first epoch); 0 takes every step of
    /// <see cref="Epochs"/> epochs.
    /// </summary>
    /// <value>The default value is 0.</value>
    public int MaxSteps { get; init; }

    /// <summary>Every problem with these options, as sentences naming the option; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Epochs < 1)
        {
            problems.Add($"Epochs is {Epochs}; it must be at least 1.");
        }

        if (MaxSteps < 0)
        {
            problems.Add($"MaxSteps is {MaxSteps}; it must be 0 (no limit) or more.");
        }

        if (BatchSize < 1)
        {
            problems.Add($"BatchSize is {BatchSize}; it must be at least 1.");
        }

        if (!Enum.IsDefined(Optimizer))
        {
            problems.Add($"Optimizer {(int)Optimizer} is not sgd or adam.");
        }

        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
        {
            problems.Add($"LearningRate is {LearningRate}; it must be positive and finite.");
        }

        if (!(Momentum >= 0 && Momentum < 1))
        {
            problems.Add($"Momentum is {Momentum}; it must be in [0, 1).");
        }

        if (!(WeightDecay >= 0) || !double.IsFinite(WeightDecay))
        {
            problems.Add($"WeightDecay is {WeightDecay}; it must be zero or positive and finite.");
        }

        if (!(ProximalMu >= 0) || !double.IsFinite(ProximalMu))
        {
            problems.Add($"ProximalMu is {ProximalMu}; it must be zero or positive and finite.");
        }

        if (Constraint is { StepInterval: < 1 } c)
        {
            problems.Add($"Constraint.StepInterval is {c.StepInterval}; it must be at least 1.");
        }

        return problems;
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem, if there is any.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid local training options: " + string.Join(" ", problems));
        }
    }
}
