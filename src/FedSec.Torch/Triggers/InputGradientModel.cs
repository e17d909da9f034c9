using FedSec.Data;
using FedSec.Parameters;
using FedSec.Torch.Data;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Triggers;

/// <summary>
/// The model-side capability trigger-optimising backdoors need at a malicious client: the experiment's model, loaded
/// with a flat weight vector (the global model it received, or an adversarially adapted copy), evaluated in eval mode
/// on pixels in [0, 1] with the data set's per-channel normalisation written as tensor operations, so the loss can be
/// differentiated with respect to the input (A3FL's trigger pattern, IBA's generator output). It has its own model
/// instance, separate from the backend's training pool, and is used on the calling thread only. Building one switches
/// libtorch's oneDNN off for the process (<see cref="OneDnn"/>: its input gradients are wrong for some convolutions).
/// </summary>
internal sealed class InputGradientModel : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _module;
    private readonly Tensor _mean;
    private readonly Tensor _std;

    public InputGradientModel(ModelDescriptor model, DatasetInfo info)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(info);
        OneDnn.Disable();
        Info = info;
        _module = model.Create(new ImageShape(info.Channels, info.Height, info.Width), info.ClassCount);
        Layout = ModuleVectors.LayoutOf(_module);
        _mean = tensor(info.Mean, [1, info.Channels, 1, 1]);
        _std = tensor(info.Std, [1, info.Channels, 1, 1]);
        _module.eval();
    }

    /// <summary>The data set the model takes.</summary>
    public DatasetInfo Info { get; }

    /// <summary>The model's flat layout (the backend's: same descriptor, same shape).</summary>
    public ParameterLayout Layout { get; }

    /// <summary>The module (for the weight gradient of IBA's coordinate mask).</summary>
    public nn.Module<Tensor, Tensor> Module => _module;

    /// <summary>Loads <paramref name="weights"/> and puts the model in eval mode.</summary>
    public void Load(ReadOnlySpan<float> weights)
    {
        ModuleVectors.LoadVector(_module, Layout, weights);
        _module.eval();
    }

    /// <summary>Whether the model's own parameters record gradients (off while only the input is optimised).</summary>
    public void SetParametersTrainable(bool trainable)
    {
        foreach (var p in _module.parameters())
        {
            p.requires_grad = trainable;
        }
    }

    /// <summary>The logits of N×C×H×W pixels in [0, 1]; differentiable with respect to <paramref name="pixels"/>.</summary>
    public Tensor Logits(Tensor pixels) => _module.forward((pixels - _mean) / _std);

    /// <summary>
    /// The mean cross-entropy of the model on <paramref name="pixels"/> (N×C×H×W, in [0, 1]) against
    /// <paramref name="labels"/>, and its gradient with respect to the pixels, as flat arrays.
    /// </summary>
    public (double Loss, float[] Gradient) InputGradient(float[] pixels, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = NewDisposeScope();
        var set = new ImageSet(pixels, labels, Info.Channels, Info.Height, Info.Width, Info.ClassCount);
        var x = ImageTensors.Images(set, 0, labels.Length).requires_grad_(true);
        var loss = nn.functional.cross_entropy(Logits(x), ImageTensors.Labels(set, 0, labels.Length));
        var grad = torch.autograd.grad([loss], [x])[0];
        return (loss.item<float>(), grad.contiguous().data<float>().ToArray());
    }

    public void Dispose()
    {
        _module.Dispose();
        _mean.Dispose();
        _std.Dispose();
    }
}
