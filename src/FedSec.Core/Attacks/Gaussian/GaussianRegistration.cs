using FedSec.Components;

namespace FedSec.Attacks.Gaussian;

/// <summary>Registers the Gaussian noise attack as <c>gaussian</c>.</summary>
public static class GaussianRegistration
{
    /// <summary>The descriptor of <c>attack_type: gaussian</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "gaussian",
        "Gaussian noise: malicious clients send G plus N(mu_g, sigma_g^2) per coordinate (Blanchard et al. 2017).",
        GaussianOptions.Keys,
        GaussianOptions.Read,
        o => new GaussianAttack(o));
}
