using FedSec.Simulation;

namespace FedSec.Interop;

/// <summary>What an offline aggregation produced.</summary>
/// <param name="Aggregate">The new global model (length d): the aggregation, after any after-aggregation defense.</param>
/// <param name="Defenses">What each defense did, in the order they ran (before, on, after aggregation).</param>
public sealed record OfflineAggregationResult(float[] Aggregate, IReadOnlyList<DefenseRoundReport> Defenses);
