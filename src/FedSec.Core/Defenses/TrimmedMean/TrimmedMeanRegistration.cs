using FedSec.Components;

namespace FedSec.Defenses.TrimmedMean;

/// <summary>Registers the coordinate-wise trimmed mean as <c>trimmed_mean</c>.</summary>
public static class TrimmedMeanRegistration
{
    /// <summary>The descriptor of <c>defense_type: trimmed_mean</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "trimmed_mean",
        "Coordinate-wise trimmed mean: drops the floor(beta*n) largest and smallest values of every coordinate (Yin et al. 2018).",
        TrimmedMeanOptions.Keys,
        TrimmedMeanOptions.Read,
        o => new TrimmedMeanDefense(o));
}
