namespace FedSec.Interop;

/// <summary>One offline aggregation: the client models of a round, the round's global model, and the defense chain.</summary>
public sealed record OfflineAggregationRequest
{
    /// <summary>The defense names, in order (registry names, e.g. <c>krum</c>); empty means plain FedAvg.</summary>
    public IReadOnlyList<string> Defenses { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Defense parameters as <c>key=value</c> (or <c>defense_args.key=value</c>); values are read as YAML, so
    /// <c>k=[1,2]</c> is a list. Each key must be a parameter of one of <see cref="Defenses"/>.
    /// </summary>
    public IReadOnlyList<string> Parameters { get; init; } = Array.Empty<string>();

    /// <summary>The client models, one row of d values per client; row i is client i.</summary>
    public required IReadOnlyList<float[]> Models { get; init; }

    /// <summary>The round's global model G (length d), which defenses take deltas against; null means zeros.</summary>
    public float[]? Global { get; init; }

    /// <summary>
    /// Each client's sample count (FedAvg's weight), finite and non-negative; null means 1 each. The exact value is
    /// the aggregation weight; defenses that read whole sample counts (FoolsGold, bucketing) see it rounded.
    /// </summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>The seed of the defenses' random streams (<c>common_args.random_seed</c>).</summary>
    public long Seed { get; init; }
}
