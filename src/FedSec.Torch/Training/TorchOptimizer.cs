using TorchSharp;

namespace FedSec.Torch.Training;

/// <summary>One of TorchSharp's optimizers (Adam, AdamW) as an <see cref="ILocalOptimizer"/>.</summary>
internal sealed class TorchOptimizer(torch.optim.Optimizer optimizer) : ILocalOptimizer
{
    public void ZeroGrad() => optimizer.zero_grad();

    public void Step() => optimizer.step();

    public void Dispose() => optimizer.Dispose();
}
