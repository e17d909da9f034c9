using FedSec.Components;

namespace FedSec.Defenses.DeepSight;

/// <summary>Registers DeepSight as <c>deepsight</c>.</summary>
public static class DeepSightRegistration
{
    /// <summary>The descriptor of <c>defense_type: deepsight</c> (before aggregation; probes the models on random inputs).</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "deepsight",
        "Labels models with few output-layer threshold exceedings suspicious, clusters NEUPs, DDifs on random inputs and bias-update cosines with HDBSCAN, removes clusters with ≥ τ suspicious models, clips to the median norm (Rieger et al. 2022).",
        DeepSightOptions.Keys,
        DeepSightOptions.Read,
        o => new DeepSightDefense(o));
}
