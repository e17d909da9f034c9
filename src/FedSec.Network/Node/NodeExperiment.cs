using FedSec.Simulation;

namespace FedSec.Network.Node;

/// <summary>What a node prepared from the server's configuration: the clients' half of the experiment and what to dispose with it (the backend).</summary>
/// <param name="Clients">Trains the node's clients.</param>
/// <param name="Resources">Disposed when the node ends or prepares another configuration.</param>
public sealed record NodeExperiment(ExperimentClients Clients, IDisposable? Resources) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Resources?.Dispose();
}
