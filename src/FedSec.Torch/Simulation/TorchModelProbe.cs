using System.Runtime.InteropServices;
using FedSec.Parameters;
using FedSec.Stages;
using FedSec.Torch.Data;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using static TorchSharp.torch;

namespace FedSec.Torch.Simulation;

/// <summary>
/// The server's probe of a TorchSharp model (<see cref="IModelProbe"/>): loads a flat weight vector into its own model
/// instance, normalises the given pixels as training does, and returns per input the softmax of the logits and, for an
/// <see cref="IPenultimateModel"/>, the input of the last linear layer. Evaluation mode, no autograd, batches of
/// <see cref="BatchSize"/>; the instance is created on first use and owned here.
/// </summary>
internal sealed class TorchModelProbe : IModelProbe, IDisposable
{
    /// <summary>Inputs per forward pass; only speed and memory depend on it.</summary>
    internal const int BatchSize = 128;

    private readonly Func<nn.Module<Tensor, Tensor>> _create;
    private readonly ParameterLayout _layout;
    private readonly ChannelNormalization _normalization;
    private nn.Module<Tensor, Tensor>? _module;

    public TorchModelProbe(Func<nn.Module<Tensor, Tensor>> create, ParameterLayout layout, ImageShape shape, int classes, bool hasFeatures, ChannelNormalization normalization)
    {
        _create = create;
        _layout = layout;
        _normalization = normalization;
        Channels = shape.Channels;
        Height = shape.Height;
        Width = shape.Width;
        ClassCount = classes;
        HasFeatures = hasFeatures;
    }

    public int Channels { get; }

    public int Height { get; }

    public int Width { get; }

    public int ClassCount { get; }

    public bool HasFeatures { get; }

    public ProbeOutputs Probe(ReadOnlySpan<float> weights, ReadOnlySpan<float> pixels, int count, bool features)
    {
        int size = Channels * Height * Width;
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (pixels.Length != count * size)
        {
            throw new ArgumentException($"{count} images of {Channels}×{Height}×{Width} need {count * size} pixels, not {pixels.Length}.", nameof(pixels));
        }

        _module ??= _create();
        if (features && _module is not IPenultimateModel)
        {
            throw new InvalidOperationException($"The model '{_module.GetName()}' does not expose its penultimate-layer features.");
        }

        ModuleVectors.LoadVector(_module, _layout, weights);
        _module.eval();
        var probabilities = new float[count][];
        var plrs = features ? new float[count][] : null;
        using var noGrad = no_grad();
        for (int start = 0; start < count; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            int n = Math.Min(BatchSize, count - start);
            var images = empty([n, Channels, Height, Width], ScalarType.Float32);
            pixels.Slice(start * size, n * size).CopyTo(MemoryMarshal.Cast<byte, float>(images.bytes));
            _normalization.ApplyInPlace(images);
            Tensor logits;
            if (plrs is not null)
            {
                var penultimate = (IPenultimateModel)_module;
                var f = penultimate.Features(images);
                Rows(f, plrs, start);
                logits = penultimate.Head(f);
            }
            else
            {
                logits = _module.forward(images);
            }

            Rows(nn.functional.softmax(logits, 1), probabilities, start);
        }

        return new ProbeOutputs(probabilities, plrs);
    }

    public void Dispose() => _module?.Dispose();

    private static void Rows(Tensor t, float[][] into, int start)
    {
        var c = t.contiguous();
        int width = (int)c.shape[1];
        var all = MemoryMarshal.Cast<byte, float>(c.bytes);
        for (int i = 0; i < (int)c.shape[0]; i++)
        {
            into[start + i] = all.Slice(i * width, width).ToArray();
        }
    }
}
