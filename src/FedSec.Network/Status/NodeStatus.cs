namespace FedSec.Network.Status;

/// <summary>A node in <see cref="FederationStatus"/>.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Key">Its key's name in the allow-list, or "no key".</param>
/// <param name="Clients">The clients it hosts ("0-4,7").</param>
/// <param name="Lost">Whether it missed its heartbeats.</param>
/// <param name="SecondsSinceSeen">Seconds since it was last heard from.</param>
public sealed record NodeStatus(string Name, string Key, string Clients, bool Lost, double SecondsSinceSeen);
