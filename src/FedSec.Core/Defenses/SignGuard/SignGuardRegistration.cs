using FedSec.Components;

namespace FedSec.Defenses.SignGuard;

/// <summary>Registers SignGuard as <c>signguard</c>.</summary>
public static class SignGuardRegistration
{
    /// <summary>The descriptor of <c>defense_type: signguard</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "signguard",
        "Keeps updates whose norm ratio to the median is in [L, R] and whose sign statistics fall in the largest mean-shift cluster; clips them to the median norm (Xu et al. 2022).",
        SignGuardOptions.Keys,
        SignGuardOptions.Read,
        o => new SignGuardDefense(o));
}
