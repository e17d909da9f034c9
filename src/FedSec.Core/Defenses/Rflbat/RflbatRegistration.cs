using FedSec.Components;

namespace FedSec.Defenses.Rflbat;

/// <summary>Registers RFLBAT as <c>rflbat</c>.</summary>
public static class RflbatRegistration
{
    /// <summary>The descriptor of <c>defense_type: rflbat</c> (before aggregation).</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "rflbat",
        "PCA of the updates, a distance filter (rflbat_epsilon1), k-means with the gap statistic, keeps the cluster of lowest median cosine similarity, then a second distance filter (rflbat_epsilon2) (Wang et al. 2022).",
        RflbatOptions.Keys,
        RflbatOptions.Read,
        o => new RflbatDefense(o));
}
