using FedSec.Components;

namespace FedSec.Defenses.NormDiffClipping;

/// <summary>Registers norm-difference clipping as <c>norm_diff_clipping</c>.</summary>
public static class NormDiffClippingRegistration
{
    /// <summary>The descriptor of <c>defense_type: norm_diff_clipping</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "norm_diff_clipping",
        "Scales every update w - G to L2 norm at most norm_bound (Sun et al. 2019).",
        NormDiffClippingOptions.Keys,
        NormDiffClippingOptions.Read,
        o => new NormDiffClippingDefense(o));
}
