using FedSec.Components;

namespace FedSec.Defenses.Dnc;

/// <summary>Registers Divide-and-Conquer as <c>dnc</c>.</summary>
public static class DncRegistration
{
    /// <summary>The descriptor of <c>defense_type: dnc</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "dnc",
        "Divide-and-Conquer: on random coordinate subsets, removes the floor(c*f) updates projecting most on the top singular direction (Shejwalkar & Houmansadr 2021).",
        DncOptions.Keys,
        DncOptions.Read,
        o => new DncDefense(o));
}
