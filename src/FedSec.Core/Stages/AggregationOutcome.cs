namespace FedSec.Stages;

/// <summary>The result of an aggregation rule: the aggregated model, and verdicts when the rule selects or weighs clients.</summary>
/// <param name="Weights">The aggregated flat model.</param>
/// <param name="Verdicts">Per-client verdicts (Bulyan's selection, FLTrust's trust scores), or empty.</param>
public sealed record AggregationOutcome(float[] Weights, IReadOnlyList<ClientVerdict> Verdicts)
{
    /// <summary>An aggregate with no per-client verdicts.</summary>
    public static AggregationOutcome Of(float[] weights) => new(weights, Array.Empty<ClientVerdict>());

    /// <summary>The server's own training diverged: the round stops here and is recorded as diverged.</summary>
    /// <value>The default value is null: the rule aggregated.</value>
    public ServerTraining? Stopped { get; init; }

    /// <summary>
    /// Why the aggregation could not be completed this round (e.g. secure aggregation with fewer survivors than its
    /// threshold); null (the default) when it was. A failed round keeps the previous global model and is recorded with
    /// this reason (<c>RoundRecord.Failure</c>); the run goes on.
    /// </summary>
    public string? Failure { get; init; }

    /// <summary>
    /// How many of the given updates the aggregate holds, when a protocol lost some on the way (secure aggregation's
    /// dropouts); null (the default): all of them. Differential privacy's fixed-denominator estimator reads it through
    /// <see cref="RoundContext.Arrived"/>.
    /// </summary>
    public int? Contributors { get; init; }

    /// <summary>An outcome for a round whose aggregation failed; <paramref name="previous"/> is the global model it keeps.</summary>
    public static AggregationOutcome FailedBecause(string reason, float[] previous)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new AggregationOutcome(previous, Array.Empty<ClientVerdict>()) { Failure = reason };
    }

    /// <summary>An outcome that stops the round because the server's own training diverged.</summary>
    public static AggregationOutcome StoppedBy(ServerTraining training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return new AggregationOutcome(training.Weights, Array.Empty<ClientVerdict>()) { Stopped = training };
    }
}
