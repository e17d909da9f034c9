using FedSec.Components;

namespace FedSec.Defenses.FLTrust;

/// <summary>Registers FLTrust as <c>fltrust</c>.</summary>
public static class FLTrustRegistration
{
    /// <summary>The descriptor of <c>defense_type: fltrust</c> (an aggregation rule; needs the engine's server root set).</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "fltrust",
        "Aggregates updates rescaled to the server's root-set update g0, weighted by ReLU(cos(update, g0)) (Cao et al. 2021).",
        FLTrustOptions.Keys,
        FLTrustOptions.Read,
        o => new FLTrustAggregation(o));
}
