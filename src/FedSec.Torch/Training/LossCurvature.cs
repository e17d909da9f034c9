using FedSec.Parameters;
using FedSec.Torch.Parameters;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Training;

/// <summary>
/// 3DFed's curvature of the loss on one layer (the authors' <c>design_indicator</c>): at the model's current weights,
/// Σ over batches of H·1, where H is the Hessian of the batch's mean cross-entropy with respect to the layer's weights,
/// so H·1 is the gradient of the sum of the layer's gradient (a Hessian-vector product by double back-propagation, which
/// libtorch does and no library above it adds). The model runs in eval mode, so dropout draws nothing and batch
/// normalisation updates no running statistics; the layer's gradients are not touched (autograd.grad does not
/// accumulate into them).
/// </summary>
internal static class LossCurvature
{
    /// <summary>
    /// Σ over <paramref name="sets"/> and over their batches (rows in stored order, <paramref name="batchSize"/> at a
    /// time, the last one partial) of H·1 on <paramref name="layer"/>, one value per coordinate of the layer.
    /// </summary>
    /// <exception cref="ArgumentException">The model has no trainable parameter named as the layer.</exception>
    public static float[] OnLayer(nn.Module<Tensor, Tensor> model, ParameterEntry layer, IReadOnlyList<(Tensor Images, Tensor Labels)> sets, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var weight = model.named_parameters().Where(p => p.name == layer.Name && p.parameter.requires_grad).Select(p => p.parameter).FirstOrDefault()
            ?? throw new ArgumentException($"The model has no trainable parameter named {layer.Name}.", nameof(layer));
        bool training = model.training;
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            var sum = zeros_like(weight, requires_grad: false);
            foreach (var (images, labels) in sets)
            {
                long n = images.shape[0];
                for (long first = 0; first < n; first += batchSize)
                {
                    using var batchScope = NewDisposeScope();
                    long count = Math.Min(batchSize, n - first);
                    var loss = nn.functional.cross_entropy(model.forward(images.narrow(0, first, count)), labels.narrow(0, first, count));
                    var gradient = autograd.grad([loss], [weight], retain_graph: true, create_graph: true)[0];
                    var curvature = autograd.grad([gradient.sum()], [weight])[0];
                    sum.AddInPlace(curvature.detach());
                }
            }

            return sum.contiguous().data<float>().ToArray();
        }
        finally
        {
            model.train(training);
        }
    }
}
