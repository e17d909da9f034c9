namespace FedSec.Attacks.MinMax;

/// <summary>Which distance constraint bounds the malicious update.</summary>
public enum MinMaxObjective
{
    /// <summary>Min-Max: its largest distance to a benign update is at most the largest benign pairwise distance.</summary>
    MaxDistance,

    /// <summary>
    /// Min-Sum: its sum of squared distances to the benign updates is at most the largest such sum of a benign update
    /// to the other benign updates.
    /// </summary>
    SumOfSquares,
}
