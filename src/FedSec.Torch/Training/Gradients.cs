using Parameter = TorchSharp.Modules.Parameter;

namespace FedSec.Torch.Training;

/// <summary>What FedSec's optimizers (<see cref="KeptAliveSgd"/>, <see cref="KeptAliveAdam"/>) share: resetting the gradients.</summary>
internal static class Gradients
{
    /// <summary>Sets each parameter's gradient, where it has one, to zero (<c>optimizer.zero_grad()</c>).</summary>
    public static void Zero(IEnumerable<Parameter> parameters)
    {
        foreach (var p in parameters)
        {
            using var grad = p.grad;
            grad?.zero_();
        }
    }
}
