using FedSec.Components;

namespace FedSec.Attacks.LabelFlipping;

/// <summary>Registers label flipping as <c>label_flipping</c>.</summary>
public static class LabelFlippingRegistration
{
    /// <summary>The descriptor of <c>attack_type: label_flipping</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "label_flipping",
        "Label flipping: poisoned clients relabel original_class_list[i] to target_class_list[i] in their training data (Tolpegin et al. 2020).",
        LabelFlippingOptions.Keys,
        LabelFlippingOptions.Read,
        o => new LabelFlippingAttack(o));
}
