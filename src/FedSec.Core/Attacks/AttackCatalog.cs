using FedSec.Attacks.Byzantine;
using FedSec.Registry;

namespace FedSec.Attacks;

/// <summary>Every attack of FedSec.Core, for <see cref="BuiltInComponents"/>.</summary>
public static class AttackCatalog
{
    /// <summary>Registers every Core attack.</summary>
    public static void RegisterAll(ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(ByzantineRegistration.Descriptor);
    }
}
