namespace FedSec.Attacks.ThreeDFed;

/// <summary>
/// What 3DFed's attacker side read from the indicators at the start of a round and decided from them (statuses, α, the
/// number of decoys, which clients train them), held apart from the attack's state until the round's model-poisoning
/// stage commits it: a round that never reaches that stage leaves the state as it was, and planning a round twice
/// gives the same directives.
/// </summary>
internal sealed class RoundReading
{
    /// <summary>The round read.</summary>
    public required int Round { get; init; }

    /// <summary>The round's attacker stream, after the tuning's draws: the stage goes on drawing from it.</summary>
    public required Random Random { get; init; }

    /// <summary>The statuses read, or null when there was nothing to read (no indicators planted yet).</summary>
    public IReadOnlyList<IndicatorStatus>? Statuses { get; init; }

    /// <summary>Whether the server was already known to add noise before this reading (nothing is tuned then).</summary>
    public bool WasWeakDp { get; init; }

    /// <summary>Whether the server is known to add noise after it.</summary>
    public bool WeakDp { get; init; }

    /// <summary>The noise-mask weights after tuning.</summary>
    public required double[] Alpha { get; init; }

    /// <summary>The number of decoys after tuning.</summary>
    public int Decoys { get; init; }

    /// <summary>The clients told to train a decoy this round, by rank (empty when the round was not planned).</summary>
    public IReadOnlyList<int> DecoyClients { get; set; } = [];
}
