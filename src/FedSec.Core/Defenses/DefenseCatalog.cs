using FedSec.Defenses.Krum;
using FedSec.Registry;

namespace FedSec.Defenses;

/// <summary>Every defense of FedSec.Core, for <see cref="BuiltInComponents"/>.</summary>
public static class DefenseCatalog
{
    /// <summary>Registers every Core defense.</summary>
    public static void RegisterAll(ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(KrumRegistration.Krum);
        registry.Register(KrumRegistration.MultiKrum);
    }
}
