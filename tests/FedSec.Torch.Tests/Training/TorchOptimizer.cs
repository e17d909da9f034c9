using TorchSharp;

using FedSec.Torch.Training;

namespace FedSec.Torch.Tests.Training;

/// <summary>One of TorchSharp's own optimizers as an <see cref="ILocalOptimizer"/>: the reference FedSec's are compared with.</summary>
internal sealed class TorchOptimizer(torch.optim.Optimizer optimizer) : ILocalOptimizer
{
    public void ZeroGrad() => optimizer.zero_grad();

    public void Step() => optimizer.step();

    public void Dispose() => optimizer.Dispose();
}
