using FedSec.Components;

namespace FedSec.Attacks.Chameleon;

/// <summary>Registers Chameleon as <c>chameleon</c>.</summary>
public static class ChameleonRegistration
{
    /// <summary>The descriptor of <c>attack_type: chameleon</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "chameleon",
        "Durable pixel-pattern backdoor: the encoder trained with a supervised-contrastive loss that pulls poisoned samples to the target class's benign ones, then the head alone with cross-entropy (Dai and Li 2023).",
        ChameleonOptions.Keys,
        ChameleonOptions.Read,
        o => new ChameleonAttack(o));
}
