using FedSec.Components;

namespace FedSec.Defenses.Crfl;

/// <summary>Registers CRFL as <c>crfl</c>.</summary>
public static class CrflRegistration
{
    /// <summary>The descriptor of <c>defense_type: crfl</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "crfl",
        "Clips the global model to the CRFL norm schedule and adds N(0, sigma^2) noise, except in the last round (Xie et al. 2021).",
        CrflOptions.Keys,
        CrflOptions.Read,
        o => new CrflDefense(o));
}
