namespace FedSec.Stages;

/// <summary>The result of an aggregation rule: the aggregated model, and verdicts when the rule selects or weighs clients.</summary>
/// <param name="Weights">The aggregated flat model.</param>
/// <param name="Verdicts">Per-client verdicts (Bulyan's selection, FLTrust's trust scores), or empty.</param>
public sealed record AggregationOutcome(float[] Weights, IReadOnlyList<ClientVerdict> Verdicts)
{
    /// <summary>An aggregate with no per-client verdicts.</summary>
    public static AggregationOutcome Of(float[] weights) => new(weights, Array.Empty<ClientVerdict>());
}
