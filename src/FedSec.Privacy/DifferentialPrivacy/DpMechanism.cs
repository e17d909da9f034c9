namespace FedSec.Privacy.DifferentialPrivacy;

/// <summary>FedML's <c>mechanism_type</c>: the noise's distribution.</summary>
public enum DpMechanism
{
    /// <summary><c>gaussian</c>: N(0, σ²) per coordinate, for L2-clipped updates.</summary>
    Gaussian,

    /// <summary><c>laplace</c>: Laplace(0, b) per coordinate, for L1-clipped updates (local DP only).</summary>
    Laplace,
}
