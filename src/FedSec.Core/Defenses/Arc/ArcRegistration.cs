using FedSec.Components;

namespace FedSec.Defenses.Arc;

/// <summary>Registers adaptive robust clipping as <c>arc</c>.</summary>
public static class ArcRegistration
{
    /// <summary>The descriptor of <c>defense_type: arc</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "arc",
        "Adaptive robust clipping: clips the k = floor(2(f/n)(n-f)) largest updates to the norm of the next largest (Allouah et al. 2024).",
        ArcOptions.Keys,
        ArcOptions.Read,
        o => new ArcDefense(o));
}
