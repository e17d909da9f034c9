using FedSec.Components;
using FedSec.Configuration;
using FedSec.Attacks;
using FedSec.Defenses;

namespace FedSec.Setup;

/// <summary>The attacks and defenses that ship with FedSec.Core.</summary>
public static class BuiltInComponents
{
    /// <summary>A new registry holding every built-in attack and defense of FedSec.Core.</summary>
    public static ComponentRegistry CreateRegistry()
    {
        var registry = new ComponentRegistry();
        AttackCatalog.RegisterAll(registry);
        DefenseCatalog.RegisterAll(registry);
        return registry;
    }
}
