namespace FedSec.Configuration;

/// <summary>The size of an experiment, which components check their parameters against (e.g. Krum's 2f + 2 ≤ n − m).</summary>
/// <param name="TotalClients">Clients in the federation (<c>client_num_in_total</c>).</param>
/// <param name="ClientsPerRound">Clients sampled each round (<c>client_num_per_round</c>): n for the defenses.</param>
/// <param name="Rounds">Number of rounds (<c>comm_round</c>).</param>
public sealed record ExperimentShape(int TotalClients, int ClientsPerRound, int Rounds)
{
    /// <summary><c>train_args.federated_optimizer</c>, for components that apply to some optimizers only (Zeno++: the asynchronous ones).</summary>
    /// <value>The default value is FedAvg.</value>
    public FederatedOptimizer Optimizer { get; init; } = FederatedOptimizer.FedAvg;

    /// <summary><c>train_args.learning_rate</c>, the clients' step size η (Zeno++ turns updates into gradients with it).</summary>
    /// <value>The default value is 0.05, the engine's default.</value>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Whether this is one offline aggregation of given models (<c>fedsec aggregate</c>), not a run of <see cref="Rounds"/> rounds.</summary>
    /// <value>The default value is false.</value>
    public bool Offline { get; init; }
}
