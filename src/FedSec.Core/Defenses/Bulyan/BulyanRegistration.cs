using FedSec.Components;

namespace FedSec.Defenses.Bulyan;

/// <summary>Registers Bulyan as <c>bulyan</c>.</summary>
public static class BulyanRegistration
{
    /// <summary>The descriptor of <c>defense_type: bulyan</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "bulyan",
        "Iterated Krum picks n - 2f updates, then per coordinate the mean of the n - 4f values closest to the median; needs n >= 4f + 3 (El Mhamdi et al. 2018).",
        BulyanOptions.Keys,
        BulyanOptions.Read,
        o => new BulyanDefense(o));
}
