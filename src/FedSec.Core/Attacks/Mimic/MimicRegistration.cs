using FedSec.Components;

namespace FedSec.Attacks.Mimic;

/// <summary>Registers the mimic attack as <c>mimic</c>.</summary>
public static class MimicRegistration
{
    /// <summary>The descriptor of <c>attack_type: mimic</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "mimic",
        "Mimic: all malicious clients copy one benign client's update, mimic_client or the paper's principal-direction choice (Karimireddy et al. 2022).",
        MimicOptions.Keys,
        MimicOptions.Read,
        o => new MimicAttack(o));
}
