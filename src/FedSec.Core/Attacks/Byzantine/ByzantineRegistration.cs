using FedSec.Components;

namespace FedSec.Attacks.Byzantine;

/// <summary>Registers the Byzantine attack as <c>byzantine</c>.</summary>
public static class ByzantineRegistration
{
    /// <summary>The descriptor of <c>attack_type: byzantine</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "byzantine",
        "Byzantine clients send all-zero, U[-1,1) random, or flipped (2G - w) models (Chen et al. 2017; Fang et al. 2020).",
        ByzantineOptions.Keys,
        ByzantineOptions.Read,
        o => new ByzantineAttack(o));
}
