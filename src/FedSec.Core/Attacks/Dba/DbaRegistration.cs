using FedSec.Components;

namespace FedSec.Attacks.Dba;

/// <summary>Registers the distributed backdoor attack as <c>dba</c>.</summary>
public static class DbaRegistration
{
    /// <summary>The descriptor of <c>attack_type: dba</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "dba",
        "Distributed backdoor: the global trigger is split into dba_parts bars, attacker k stamps bar k; success is measured with the full trigger (Xie et al. 2020).",
        DbaOptions.Keys,
        DbaOptions.Read,
        o => new DbaAttack(o));
}
