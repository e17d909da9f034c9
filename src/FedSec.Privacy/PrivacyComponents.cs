using FedSec.Components;
using FedSec.Privacy.DifferentialPrivacy;
using FedSec.Privacy.SecureAggregation;

namespace FedSec.Privacy;

/// <summary>The sections FedSec.Privacy adds to a registry: <c>dp_args</c> and <c>secure_aggregation_args</c>.</summary>
public static class PrivacyComponents
{
    /// <summary>Registers the privacy sections into <paramref name="registry"/> and returns it.</summary>
    public static ComponentRegistry Register(ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register(DpRegistration.Descriptor).Register(SecAggRegistration.Descriptor(registry));
    }
}
