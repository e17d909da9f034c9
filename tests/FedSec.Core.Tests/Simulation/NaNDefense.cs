using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Core.Tests.Simulation;

/// <summary>A before-aggregation defense with a bug: it turns every update into NaN.</summary>
internal sealed class NaNDefense : IBeforeAggregationDefense
{
    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context) =>
        DefenseOutcome.KeepAll(updates.Select(u => u with { Weights = u.Weights.Select(_ => float.NaN).ToArray() }).ToArray());
}
