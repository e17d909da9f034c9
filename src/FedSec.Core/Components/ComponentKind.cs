using FedSec.Configuration;
namespace FedSec.Components;

/// <summary>Which section of the configuration names a component.</summary>
public enum ComponentKind
{
    /// <summary>Named by <c>attack_args.attack_type</c>.</summary>
    Attack,

    /// <summary>Named by <c>defense_args.defense_type</c>.</summary>
    Defense,
}
