using FedSec.Components;

namespace FedSec.Defenses.CenteredClipping;

/// <summary>Registers centered clipping as <c>cclip</c>.</summary>
public static class CenteredClippingRegistration
{
    /// <summary>The descriptor of <c>defense_type: cclip</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "cclip",
        "Centered clipping around the previous aggregate: v <- v + mean(clip(delta_i - v, tau)), cclip_iterations times, optional buckets (Karimireddy et al. 2021).",
        CenteredClippingOptions.Keys,
        CenteredClippingOptions.Read,
        o => new CenteredClippingDefense(o));
}
