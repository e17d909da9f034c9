using FedSec.Components;

namespace FedSec.Defenses.Auror;

/// <summary>Registers Auror as <c>auror</c>.</summary>
public static class AurorRegistration
{
    /// <summary>The descriptor of <c>defense_type: auror</c> (before aggregation).</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "auror",
        "2-means per coordinate finds the indicative coordinates (centres more than auror_threshold apart); removes the clients in the minority cluster of more than auror_tau of them (Shen et al. 2016).",
        AurorOptions.Keys,
        AurorOptions.Read,
        o => new AurorDefense(o));
}
