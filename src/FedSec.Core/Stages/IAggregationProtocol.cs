using FedSec.Parameters;

namespace FedSec.Stages;

/// <summary>
/// Computes FedAvg's weighted mean of the updates by a protocol of its own instead of the server's plain sum (secure
/// aggregation: the server only ever adds masked vectors). Excludes an on-aggregation defense. The protocol may fail a
/// round (<see cref="AggregationOutcome.Failure"/>): the round then keeps the previous global model and is recorded so.
/// </summary>
public interface IAggregationProtocol : IComponent
{
    /// <summary>The aggregated model, or a failure.</summary>
    AggregationOutcome Aggregate(IReadOnlyList<ClientUpdate> updates, RoundContext context);
}
