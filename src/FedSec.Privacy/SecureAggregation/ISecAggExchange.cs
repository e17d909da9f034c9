using FedSec.Stages;

namespace FedSec.Privacy.SecureAggregation;

/// <summary>
/// Runs the four rounds of secure aggregation (keys, shares, masked inputs, unmasking) with clients elsewhere: a
/// distributed server relays them to the nodes that host the clients, which quantise and mask their own updates, so the
/// server never holds an unmasked one. Without it, <see cref="SecureAggregationProtocol"/> runs every client in process.
/// </summary>
internal interface ISecAggExchange
{
    /// <summary>Runs the round <paramref name="spec"/> describes and returns the unmasked sum or why there is none.</summary>
    SecAggExchangeResult Run(SecAggRoundSpec spec, RoundContext context);
}
