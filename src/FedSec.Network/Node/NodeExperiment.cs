using FedSec.Simulation;

namespace FedSec.Network.Node;

/// <summary>What a node prepared from the server's configuration: the clients' half of the experiment and what to dispose with it (the backend).</summary>
/// <param name="Clients">Trains the node's clients.</param>
/// <param name="Resources">Disposed when the node ends or prepares another configuration.</param>
public sealed record NodeExperiment(ExperimentClients Clients, IDisposable? Resources) : IDisposable
{
    /// <summary>
    /// The fingerprint of the data set the node drew its clients' data from (<see cref="FedSec.Data.DataFingerprint"/>);
    /// null when the node trains on data of its own (a silo), which no server holds. When both the node and the server
    /// know theirs, the node checks they agree before it trains (<see cref="FederationNode"/>).
    /// </summary>
    public string? DataFingerprint { get; init; }

    /// <inheritdoc />
    public void Dispose() => Resources?.Dispose();
}
