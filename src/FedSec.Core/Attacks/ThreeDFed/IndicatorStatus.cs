namespace FedSec.Attacks.ThreeDFed;

/// <summary>What 3DFed's indicator says happened to one model the attacker sent in its last attack round.</summary>
public enum IndicatorStatus
{
    /// <summary>The model reached the aggregate with about its full weight.</summary>
    Accepted,

    /// <summary>The model reached the aggregate scaled down (clipped) to at most 0.8 of the strongest one sent.</summary>
    Clipped,

    /// <summary>The model left no trace in the aggregate (filtered out).</summary>
    Rejected,
}
