using FedSec.Parameters;

namespace FedSec.ServerOptimizers;

/// <summary>
/// A server optimizer that turns the received updates into what the server aggregates before the round's pipeline
/// (model poisoning, defenses, aggregation) sees them: FedNova normalises each by its local steps, FedBuff rebases each
/// stale update on the current model; FedAsync reads the update's staleness. Called once per round, before
/// <see cref="IServerOptimizer.Step"/>.
/// </summary>
public interface IPreparesUpdates
{
    /// <summary>The updates the pipeline works on, one per received update and in the same order.</summary>
    IReadOnlyList<ClientUpdate> Prepare(IReadOnlyList<ClientUpdate> updates, ReceivedUpdates received);
}
