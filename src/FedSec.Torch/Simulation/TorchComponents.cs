using FedSec.Registry;

namespace FedSec.Torch.Simulation;

/// <summary>The attacks and defenses of FedSec.Core plus those that need TorchSharp (data reconstruction).</summary>
public static class TorchComponents
{
    /// <summary>A new registry with every built-in component.</summary>
    public static ComponentRegistry CreateRegistry() => BuiltInComponents.CreateRegistry();
}
