using FedSec.Components;

namespace FedSec.Defenses.ZenoPlusPlus;

/// <summary>Registers Zeno++ as <c>zenopp</c>.</summary>
public static class ZenoPlusPlusRegistration
{
    /// <summary>The descriptor of <c>defense_type: zenopp</c> (before aggregation; needs the server's root set and FedAsync or FedBuff).</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "zenopp",
        "Zeno++ for FedAsync/FedBuff: accepts a candidate gradient g (normalised to ||v||) when gamma*<v, g> - rho*||g||^2 >= -gamma*epsilon, v the server's validation gradient on its root set, refreshed every k steps (Xie et al. 2020).",
        ZenoPlusPlusOptions.Keys,
        ZenoPlusPlusOptions.Read,
        o => new ZenoPlusPlusDefense(o));
}
