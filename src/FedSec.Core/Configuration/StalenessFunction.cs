namespace FedSec.Configuration;

/// <summary>
/// The weight s(t − τ) an asynchronous server gives an update of staleness t − τ (<c>train_args.staleness_function</c>;
/// Xie et al. 2019, section 5.2).
/// </summary>
public enum StalenessFunction
{
    /// <summary>s = 1.</summary>
    Constant,

    /// <summary>s = (t − τ + 1)^(−a), a = <c>staleness_a</c> (FedBuff's 1/√(1 + staleness) at a = 0.5).</summary>
    Polynomial,

    /// <summary>s = 1 when t − τ ≤ b, else 1 / (a(t − τ − b) + 1); a = <c>staleness_a</c>, b = <c>staleness_b</c>.</summary>
    Hinge,
}
