using FedSec.Components;

namespace FedSec.Attacks.SignFlip;

/// <summary>Registers sign flipping as <c>sign_flip</c>.</summary>
public static class SignFlipRegistration
{
    /// <summary>The descriptor of <c>attack_type: sign_flip</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "sign_flip",
        "Sign flipping: malicious clients send their honest update reversed, G - scale * delta (Damaskinos et al. 2018).",
        SignFlipOptions.Keys,
        SignFlipOptions.Read,
        o => new SignFlipAttack(o));
}
