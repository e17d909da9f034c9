namespace FedSec.Stages;

/// <summary>What a defense did to one client's update.</summary>
public enum VerdictKind
{
    /// <summary>Kept unchanged.</summary>
    Kept,

    /// <summary>Removed from aggregation (flagged as malicious).</summary>
    Removed,

    /// <summary>Kept with another aggregation weight.</summary>
    Reweighted,

    /// <summary>Kept after clipping or another change of its values.</summary>
    Modified,
}
