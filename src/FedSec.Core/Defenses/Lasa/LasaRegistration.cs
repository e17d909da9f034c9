using FedSec.Components;

namespace FedSec.Defenses.Lasa;

/// <summary>Registers LASA as <c>lasa</c>.</summary>
public static class LasaRegistration
{
    /// <summary>The descriptor of <c>defense_type: lasa</c> (an aggregation rule).</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "lasa",
        "Clips to the median norm, sparsifies, then per layer keeps the clients whose norm and sign purity MZ-scores are below lasa_norm_bound and lasa_sign_bound and averages them (Xu et al. 2024).",
        LasaOptions.Keys,
        LasaOptions.Read,
        o => new LasaDefense(o));
}
