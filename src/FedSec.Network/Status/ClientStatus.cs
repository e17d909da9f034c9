namespace FedSec.Network.Status;

/// <summary>A client in <see cref="FederationStatus"/>.</summary>
/// <param name="Client">Its identity.</param>
/// <param name="Node">The node hosting it, or null.</param>
/// <param name="State">not sampled, training, reported, rejected, or unhosted.</param>
public sealed record ClientStatus(int Client, string? Node, string State);
