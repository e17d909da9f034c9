using FedSec.Components;

namespace FedSec.Defenses.Nnm;

/// <summary>Registers nearest-neighbour mixing as <c>nnm</c>.</summary>
public static class NnmRegistration
{
    /// <summary>The descriptor of <c>defense_type: nnm</c>; chain it before an aggregation rule.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "nnm",
        "Nearest-neighbour mixing: replaces each update by the mean of its n-f nearest updates; chain it before a robust aggregation (Allouah et al. 2023).",
        NnmOptions.Keys,
        NnmOptions.Read,
        o => new NnmDefense(o));
}
