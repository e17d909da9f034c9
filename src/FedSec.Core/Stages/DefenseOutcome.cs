using FedSec.Parameters;

namespace FedSec.Stages;

/// <summary>The result of a before-aggregation defense: the updates it passes on and its verdict on each input.</summary>
/// <param name="Updates">The kept (possibly clipped or reweighted) updates, passed to the next stage.</param>
/// <param name="Verdicts">One verdict per input update, in input order.</param>
public sealed record DefenseOutcome(IReadOnlyList<ClientUpdate> Updates, IReadOnlyList<ClientVerdict> Verdicts)
{
    /// <summary>Every update kept as it was.</summary>
    public static DefenseOutcome KeepAll(IReadOnlyList<ClientUpdate> updates) =>
        new(updates, updates.Select(u => new ClientVerdict(u.ClientId, VerdictKind.Kept)).ToArray());

    /// <summary>The server's own training diverged: the round stops here and is recorded as diverged.</summary>
    /// <value>The default value is null: the defense ran.</value>
    public ServerTraining? Stopped { get; init; }

    /// <summary>An outcome that stops the round because the server's own training diverged.</summary>
    public static DefenseOutcome StoppedBy(ServerTraining training, IReadOnlyList<ClientUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(training);
        return KeepAll(updates) with { Stopped = training };
    }
}
