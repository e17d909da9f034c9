using FedSec.Components;

namespace FedSec.Defenses.Flame;

/// <summary>Registers FLAME as <c>flame</c>.</summary>
public static class FlameRegistration
{
    /// <summary>The descriptor of <c>defense_type: flame</c> (runs before and after aggregation).</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "flame",
        "HDBSCAN on cosine distances keeps the majority cluster, clips to the median norm S, then adds N(0,(flame_lambda*S)^2) to the global model (Nguyen et al. 2022).",
        FlameOptions.Keys,
        FlameOptions.Read,
        o => new FlameDefense(o));
}
