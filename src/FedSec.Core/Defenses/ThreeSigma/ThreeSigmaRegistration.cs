using FedSec.Defenses.Common;
using FedSec.Components;

namespace FedSec.Defenses.ThreeSigma;

/// <summary>Registers the three-sigma filter as <c>3sigma</c>.</summary>
public static class ThreeSigmaRegistration
{
    /// <summary>The descriptor of <c>defense_type: 3sigma</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "3sigma",
        "Removes updates whose distance to the coordinate-wise median exceeds centre + bound_param*spread of the round's distances.",
        OutlierFilterOptions.Keys,
        OutlierFilterOptions.Read,
        o => new ThreeSigmaDefense(o));
}
