using FedSec.Components;

namespace FedSec.Attacks.Ipm;

/// <summary>Registers inner-product manipulation as <c>ipm</c>.</summary>
public static class IpmRegistration
{
    /// <summary>The descriptor of <c>attack_type: ipm</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "ipm",
        "Inner-product manipulation: malicious clients send -epsilon times the benign mean update (Xie et al. 2020).",
        IpmOptions.Keys,
        IpmOptions.Read,
        o => new IpmAttack(o));
}
