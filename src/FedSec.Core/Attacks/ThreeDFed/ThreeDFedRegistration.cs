using FedSec.Components;

namespace FedSec.Attacks.ThreeDFed;

/// <summary>Registers 3DFed as <c>3dfed</c>.</summary>
public static class ThreeDFedRegistration
{
    /// <summary>The descriptor of <c>attack_type: 3dfed</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "3dfed",
        "Covert adaptive backdoor: constrained backdoor training scaled to a benign norm, noise masks that cancel within groups, decoy models, and indicators read from the next global model to tune them (Li et al. 2023).",
        ThreeDFedOptions.Keys,
        ThreeDFedOptions.Read,
        o => new ThreeDFedAttack(o));
}
