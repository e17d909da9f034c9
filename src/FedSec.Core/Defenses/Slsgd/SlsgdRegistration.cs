using FedSec.Components;

namespace FedSec.Defenses.Slsgd;

/// <summary>Registers SLSGD as <c>slsgd</c>.</summary>
public static class SlsgdRegistration
{
    /// <summary>The descriptor of <c>defense_type: slsgd</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "slsgd",
        "Coordinate-wise trimmed mean (trim_param_b per side), then G <- (1 - alpha) G + alpha * aggregate (Xie et al. 2019).",
        SlsgdOptions.Keys,
        SlsgdOptions.Read,
        o => new SlsgdDefense(o));
}
