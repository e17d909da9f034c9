using FedSec.Components;

namespace FedSec.Attacks.EdgeCase;

/// <summary>Registers the edge-case backdoor as <c>edge_case</c>.</summary>
public static class EdgeCaseRegistration
{
    /// <summary>The descriptor of <c>attack_type: edge_case</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "edge_case",
        "Edge-case backdoor with PGD: attackers relabel the unusual images of a source class to target_label and keep their model within pgd_eps of the global one (Wang et al. 2020).",
        EdgeCaseOptions.Keys,
        EdgeCaseOptions.Read,
        o => new EdgeCaseAttack(o));
}
