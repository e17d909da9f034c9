namespace FedSec.Stages;

/// <summary>A defense's verdict on one client's update in one round.</summary>
/// <param name="ClientId">The client's identity.</param>
/// <param name="Kind">Kept, removed, reweighted or modified.</param>
/// <param name="Weight">The relative weight the defense gave it (0 when removed, 1 when kept as is).</param>
/// <param name="Score">The defense's score for it (Krum score, similarity, ...), when it has one.</param>
public sealed record ClientVerdict(int ClientId, VerdictKind Kind, double Weight = 1.0, double? Score = null)
{
    /// <summary>True when the defense treated this client as malicious: removed, or given (almost) no weight.</summary>
    public bool Flagged => Kind == VerdictKind.Removed || Weight <= 1e-6;
}
