using FedSec.Components;

namespace FedSec.Attacks.AlterMin;

/// <summary>Registers AlterMin as <c>alter_min</c>.</summary>
public static class AlterMinRegistration
{
    /// <summary>The descriptor of <c>attack_type: alter_min</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "alter_min",
        "Targeted model poisoning: explicit boosting and alternating minimisation of the malicious and the stealth objectives, with a distance term to the attacker's benign model (Bhagoji et al. 2019).",
        AlterMinOptions.Keys,
        AlterMinOptions.Read,
        o => new AlterMinAttack(o));
}
