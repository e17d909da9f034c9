using FedSec.Components;

namespace FedSec.Attacks.LazyWorker;

/// <summary>Registers the lazy worker / free rider as <c>lazy_worker</c>.</summary>
public static class LazyWorkerRegistration
{
    /// <summary>The descriptor of <c>attack_type: lazy_worker</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "lazy_worker",
        "Free rider: malicious clients send the global model back without training, optionally plus N(0, noise_std^2) (Lin et al. 2019; Fraboni et al. 2021).",
        LazyWorkerOptions.Keys,
        LazyWorkerOptions.Read,
        o => new LazyWorkerAttack(o));
}
