namespace FedSec.Attacks.Byzantine;

/// <summary>How a Byzantine client forges its model.</summary>
public enum ByzantineMode
{
    /// <summary>Every value 0.</summary>
    Zero,

    /// <summary>Every value drawn from U[−1, 1).</summary>
    Random,

    /// <summary>The model mirrored about the global model: 2G − w.</summary>
    Flip,
}
