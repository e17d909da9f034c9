using FedSec.Components;

namespace FedSec.Defenses.Median;

/// <summary>Registers the coordinate-wise median as <c>wise_median</c> (FedML's name); it has no parameters.</summary>
public static class MedianRegistration
{
    /// <summary>The descriptor of <c>defense_type: wise_median</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "wise_median",
        "Coordinate-wise median of the updates; mean of the two middle values for an even count (Yin et al. 2018).",
        _ => new MedianDefense());
}
