using FedSec.Components;
using FedSec.Torch.Models;

namespace FedSec.Torch.Triggers.Iba;

/// <summary>
/// Registers IBA as <c>iba</c>. Its generator is trained against the experiment's own model (<c>model_args.model</c>,
/// from a <see cref="ModelCatalog"/>) on images of its data set (<c>data_args.dataset</c>), in mini-batches of the
/// clients' <c>batch_size</c>; the generator's initial weights derive from <c>random_seed</c>.
/// </summary>
public static class IbaRegistration
{
    /// <summary>The descriptor of <c>attack_type: iba</c>, building models from <paramref name="models"/>.</summary>
    public static ComponentDescriptor Descriptor(ModelCatalog models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return ComponentDescriptor.Attack(
            "iba",
            "IBA (Nguyen et al. 2023): a generator trained each round against the global model makes an invisible trigger within iba_eps of each image; local training keeps to low-importance coordinates and a pgd_eps ball.",
            IbaOptions.Keys,
            IbaOptions.Read,
            (options, args) => new IbaAttack(options, TriggerModelSettings.Read(models, args)));
    }
}
