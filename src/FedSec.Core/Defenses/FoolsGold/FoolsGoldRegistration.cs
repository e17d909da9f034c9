using FedSec.Components;

namespace FedSec.Defenses.FoolsGold;

/// <summary>Registers FoolsGold as <c>foolsgold</c>.</summary>
public static class FoolsGoldRegistration
{
    /// <summary>The descriptor of <c>defense_type: foolsgold</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "foolsgold",
        "Reweights clients by how unlike the others their accumulated update histories are, per client identity (Fung et al. 2020).",
        FoolsGoldOptions.Keys,
        FoolsGoldOptions.Read,
        o => new FoolsGoldDefense(o));
}
