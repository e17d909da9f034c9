using FedSec.Components;

namespace FedSec.Attacks.Alie;

/// <summary>Registers "A little is enough" as <c>alie</c>.</summary>
public static class AlieRegistration
{
    /// <summary>The descriptor of <c>attack_type: alie</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "alie",
        "A little is enough: malicious clients send mu - z*sigma of the benign updates, z from n and f unless alie_z is set (Baruch et al. 2019).",
        AlieOptions.Keys,
        AlieOptions.Read,
        o => new AlieAttack(o));
}
