using FedSec.Parameters;

namespace FedSec.Stages;

/// <summary>
/// A before-aggregation defense (FedMLSecurity's <c>defend_before_aggregation</c>): filters, clips or reweights the
/// round's updates and gives a verdict per client. Several run in the configured order.
/// </summary>
public interface IBeforeAggregationDefense : IDefense
{
    /// <summary>Returns the updates to pass on and one verdict per input update.</summary>
    DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context);
}
