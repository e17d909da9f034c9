using FedSec.Components;

namespace FedSec.Defenses.Flare;

/// <summary>Registers FLARE as <c>flare</c>.</summary>
public static class FlareRegistration
{
    /// <summary>The descriptor of <c>defense_type: flare</c> (an aggregation rule; needs held-out server samples and the model's penultimate features).</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "flare",
        "Penultimate-layer representations of each local model on held-out server samples, MMD between clients, trust = softmax of k-nearest-neighbour counts, trust-weighted aggregation (Wang et al. 2022).",
        FlareOptions.Keys,
        FlareOptions.Read,
        o => new FlareDefense(o));
}
