using FedSec.Components;

namespace FedSec.Defenses.WeakDp;

/// <summary>Registers weak differential privacy as <c>weak_dp</c>.</summary>
public static class WeakDpRegistration
{
    /// <summary>The descriptor of <c>defense_type: weak_dp</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "weak_dp",
        "Adds N(0, stddev^2) noise to the new global model; chain after norm_diff_clipping for the paper's defense (Sun et al. 2019).",
        WeakDpOptions.Keys,
        WeakDpOptions.Read,
        o => new WeakDpDefense(o));
}
