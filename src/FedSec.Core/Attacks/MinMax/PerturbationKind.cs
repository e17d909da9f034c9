namespace FedSec.Attacks.MinMax;

/// <summary>The perturbation direction p of Min-Max and Min-Sum (Shejwalkar and Houmansadr, NDSS 2021).</summary>
public enum PerturbationKind
{
    /// <summary><c>unit_vec</c>: the inverse unit vector −μ/‖μ‖.</summary>
    UnitVector,

    /// <summary><c>sign</c>: the inverse sign −sign(μ).</summary>
    Sign,

    /// <summary><c>std</c>: the inverse standard deviation −σ.</summary>
    Std,
}
