using FedSec.Parameters;

namespace FedSec.Stages;

/// <summary>
/// An on-aggregation defense (FedMLSecurity's <c>defend_on_aggregation</c>): a robust aggregation rule that replaces
/// FedAvg's weighted mean. Returns the aggregated model (weights, not a delta).
/// </summary>
public interface IOnAggregationDefense : IDefense
{
    /// <summary>Aggregates the round's (already defended) updates into a model.</summary>
    AggregationOutcome DefendOnAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context);
}
