using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Components;
using FedSec.Stages;

namespace FedSec.Core.Tests.Interop;

/// <summary>
/// A test aggregation rule: the coordinate-wise median of the updates (Core's <see cref="CoordinateMedian"/>), so the
/// offline pipeline can be checked with an on-aggregation stage whose result is easy to compute by hand.
/// </summary>
internal sealed class MedianRuleComponent : IOnAggregationDefense
{
    public static ComponentDescriptor Descriptor(string name = "test_median") =>
        ComponentDescriptor.Defense(name, "Coordinate-wise median (test).", _ => new MedianRuleComponent());

    public AggregationOutcome DefendOnAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context) =>
        AggregationOutcome.Of(CoordinateMedian.Of(updates.Select(u => u.Weights).ToArray()));
}
