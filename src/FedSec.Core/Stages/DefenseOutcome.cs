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
}
