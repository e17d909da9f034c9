namespace FedSec.Simulation;

/// <summary>One update an asynchronous server step consumed: whose, and how stale.</summary>
/// <param name="ClientId">The client's identity.</param>
/// <param name="Staleness">Server steps between its dispatch and this step (t − τ).</param>
/// <param name="TrainedFrom">The server step whose global model it trained from (τ: this step's index minus the staleness).</param>
public sealed record ConsumedUpdate(int ClientId, int Staleness, int TrainedFrom);
