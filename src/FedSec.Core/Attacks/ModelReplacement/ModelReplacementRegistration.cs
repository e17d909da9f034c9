using FedSec.Components;

namespace FedSec.Attacks.ModelReplacement;

/// <summary>Registers model replacement as <c>model_replacement</c>.</summary>
public static class ModelReplacementRegistration
{
    /// <summary>The descriptor of <c>attack_type: model_replacement</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "model_replacement",
        "Model replacement: the attacker trains on backdoored data and sends gamma*(X - G) + G, gamma = n/eta or S/|X - G| (Bagdasaryan et al. 2020).",
        ModelReplacementOptions.Keys,
        ModelReplacementOptions.Read,
        o => new ModelReplacementAttack(o));
}
