using FedSec.Components;

namespace FedSec.Attacks.Backdoor;

/// <summary>Registers the pixel-pattern backdoor as <c>backdoor</c>.</summary>
public static class BackdoorRegistration
{
    /// <summary>The descriptor of <c>attack_type: backdoor</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "backdoor",
        "BadNets pixel-pattern backdoor: malicious clients stamp a trigger on poison_fraction of their samples and relabel them to target_label (Gu et al. 2017).",
        BackdoorOptions.Keys,
        BackdoorOptions.Read,
        o => new BackdoorAttack(o));
}
