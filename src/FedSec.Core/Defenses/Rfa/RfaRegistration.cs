using FedSec.Components;

namespace FedSec.Defenses.Rfa;

/// <summary>Registers the geometric median as <c>rfa</c> (Pillutla et al.) and <c>geo_median</c> (with buckets).</summary>
public static class RfaRegistration
{
    /// <summary>The descriptor of <c>defense_type: rfa</c>.</summary>
    public static ComponentDescriptor Rfa { get; } = ComponentDescriptor.Defense(
        "rfa",
        "RFA: weighted geometric median of the whole trainable vector by smoothed Weiszfeld (Pillutla et al. 2022).",
        RfaOptions.RfaKeys,
        args => RfaOptions.Read(args, buckets: false),
        o => new RfaDefense(o));

    /// <summary>The descriptor of <c>defense_type: geo_median</c>.</summary>
    public static ComponentDescriptor GeoMedian { get; } = ComponentDescriptor.Defense(
        "geo_median",
        "Geometric median of bucket means (batch_num buckets), by smoothed Weiszfeld (Chen et al. 2017; Pillutla et al. 2022).",
        RfaOptions.GeoMedianKeys,
        args => RfaOptions.Read(args, buckets: true),
        o => new RfaDefense(o));
}
