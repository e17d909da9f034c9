using FedSec.Components;

namespace FedSec.Attacks.Neurotoxin;

/// <summary>Registers Neurotoxin as <c>neurotoxin</c>.</summary>
public static class NeurotoxinRegistration
{
    /// <summary>The descriptor of <c>attack_type: neurotoxin</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "neurotoxin",
        "Durable backdoor: the pixel-pattern backdoor trained only on the neurotoxin_ratio of coordinates the last global update changed least (Zhang et al. 2022).",
        NeurotoxinOptions.Keys,
        NeurotoxinOptions.Read,
        o => new NeurotoxinAttack(o));
}
