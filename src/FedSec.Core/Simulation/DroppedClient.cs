namespace FedSec.Simulation;

/// <summary>A sampled client left out of a distributed round, and why (it disconnected, missed the deadline, sent an invalid update).</summary>
/// <param name="Client">The client's identity.</param>
/// <param name="Reason">A sentence saying why, e.g. "missed the 30 s deadline".</param>
public sealed record DroppedClient(int Client, string Reason);
