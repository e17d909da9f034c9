using FedSec.Components;

namespace FedSec.Attacks.LabelFlipping;

/// <summary>Registers label flipping as <c>label_flipping</c>.</summary>
public static class LabelFlippingRegistration
{
    /// <summary>The descriptor of <c>attack_type: label_flipping</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = new(
        "label_flipping",
        ComponentKind.Attack,
        "Label flipping: poisoned clients relabel original_class_list[i] to target_class_list[i] in their training data (Tolpegin et al. 2020).",
        LabelFlippingOptions.Keys,
        args => new LabelFlippingAttack(LabelFlippingOptions.Read(args)));
}
