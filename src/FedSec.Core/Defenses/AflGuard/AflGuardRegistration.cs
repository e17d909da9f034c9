using FedSec.Components;

namespace FedSec.Defenses.AflGuard;

/// <summary>Registers AFLGuard as <c>aflguard</c>.</summary>
public static class AflGuardRegistration
{
    /// <summary>The descriptor of <c>defense_type: aflguard</c> (before aggregation; needs the engine's server root set).</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "aflguard",
        "Accepts an update g only when ||g - g_server|| <= lambda * ||g_server||, g_server the server's update on its trusted set; designed for asynchronous FL (Fang et al. 2022).",
        AflGuardOptions.Keys,
        AflGuardOptions.Read,
        o => new AflGuardDefense(o));
}
