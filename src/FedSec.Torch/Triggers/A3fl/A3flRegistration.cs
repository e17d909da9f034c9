using FedSec.Components;
using FedSec.Torch.Models;

namespace FedSec.Torch.Triggers.A3fl;

/// <summary>
/// Registers A3FL as <c>a3fl</c>. Its trigger is optimised against the experiment's own model
/// (<c>model_args.model</c>, from a <see cref="ModelCatalog"/>) on images of its data set (<c>data_args.dataset</c>),
/// in mini-batches of the clients' <c>batch_size</c>.
/// </summary>
public static class A3flRegistration
{
    /// <summary>The descriptor of <c>attack_type: a3fl</c>, building models from <paramref name="models"/>.</summary>
    public static ComponentDescriptor Descriptor(ModelCatalog models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return ComponentDescriptor.Attack(
            "a3fl",
            "A3FL (Zhang et al. 2023): the backdoor trigger is optimised each round against the global model and adversarially adapted copies that unlearn it, then stamped on poison_fraction of the attackers' samples.",
            A3flOptions.Keys,
            A3flOptions.Read,
            (options, args) => new A3flAttack(options, TriggerModelSettings.Read(models, args)));
    }
}
