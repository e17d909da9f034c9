using FedSec.Setup;
using FedSec.Components;
using FedSec.Torch.Models;
using FedSec.Torch.Reconstruction;
using FedSec.Torch.Triggers.A3fl;
using FedSec.Torch.Triggers.Iba;

namespace FedSec.Torch.Simulation;

/// <summary>The attacks and defenses of FedSec.Core plus those that need TorchSharp (data reconstruction, backdoors whose trigger is optimised against the model).</summary>
public static class TorchComponents
{
    /// <summary>A new registry with every built-in component; the reconstruction attacks use the built-in models.</summary>
    public static ComponentRegistry CreateRegistry() => CreateRegistry(ModelCatalog.CreateBuiltIn());

    /// <summary>A new registry with every built-in component; the reconstruction attacks build their models from <paramref name="models"/>.</summary>
    public static ComponentRegistry CreateRegistry(ModelCatalog models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return BuiltInComponents.CreateRegistry()
            .Register(GradientInversionRegistration.Dlg(models))
            .Register(GradientInversionRegistration.Idlg(models))
            .Register(A3flRegistration.Descriptor(models))
            .Register(IbaRegistration.Descriptor(models));
    }
}
