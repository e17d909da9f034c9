using FedSec.Components;

namespace FedSec.Defenses.NormDiffClipping;

/// <summary>Registers norm-difference clipping as <c>norm_diff_clipping</c>.</summary>
public static class NormDiffClippingRegistration
{
    /// <summary>The descriptor of <c>defense_type: norm_diff_clipping</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = new(
        "norm_diff_clipping",
        ComponentKind.Defense,
        "Scales every update w - G to L2 norm at most norm_bound (Sun et al. 2019).",
        NormDiffClippingOptions.Keys,
        args => new NormDiffClippingDefense(NormDiffClippingOptions.Read(args)));
}
