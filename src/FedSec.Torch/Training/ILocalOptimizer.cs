namespace FedSec.Torch.Training;

/// <summary>A client's local optimizer over its trainable parameters: SGD (<see cref="KeptAliveSgd"/>), Adam or AdamW (<see cref="KeptAliveAdam"/>).</summary>
internal interface ILocalOptimizer : IDisposable
{
    /// <summary>Sets every parameter's gradient to zero, as <c>optimizer.zero_grad()</c>.</summary>
    void ZeroGrad();

    /// <summary>Updates the parameters from their gradients, as <c>optimizer.step()</c>.</summary>
    void Step();
}
