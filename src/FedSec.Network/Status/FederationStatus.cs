namespace FedSec.Network.Status;

/// <summary>What <c>/status.json</c> shows: where the run is, its nodes and clients, and each completed round.</summary>
/// <param name="RunId">The run's identity.</param>
/// <param name="ConfigDigest">The configuration's SHA-256.</param>
/// <param name="State">waiting for nodes, running, completed, diverged or failed.</param>
/// <param name="Round">The round in progress (1-based), or the last one.</param>
/// <param name="TotalRounds">comm_round.</param>
/// <param name="Nodes">Every node that joined.</param>
/// <param name="Clients">Every client with its state in the current round.</param>
/// <param name="Rounds">The completed rounds.</param>
public sealed record FederationStatus(
    string RunId,
    string ConfigDigest,
    string State,
    int Round,
    int TotalRounds,
    IReadOnlyList<NodeStatus> Nodes,
    IReadOnlyList<ClientStatus> Clients,
    IReadOnlyList<RoundStatus> Rounds);
