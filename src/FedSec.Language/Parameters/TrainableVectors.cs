using System.Runtime.InteropServices;
using FedSec.Language.Models;
using FedSec.Parameters;
using static TorchSharp.torch;

namespace FedSec.Language.Parameters;

/// <summary>
/// The part of a language model that a federated round exchanges, as FedSec's flat vectors: only the parameters that
/// require gradients, in module order: the LoRA adapters when the model has them (the frozen base is never in the
/// vector, so it is never sent, attacked nor aggregated), every parameter in full fine-tuning. Every vector attack
/// and defense then runs unchanged on the adapters.
/// </summary>
public static class TrainableVectors
{
    /// <summary>The layout of <paramref name="model"/>'s trainable parameters (all <see cref="ParameterKind.Trainable"/>).</summary>
    public static ParameterLayout LayoutOf(GptNeoX model) =>
        new(Trainable(model).Select(p => (p.Name, (IReadOnlyList<long>)p.Tensor.shape, ParameterKind.Trainable)));

    /// <summary>The trainable parameters as a new vector of the layout's length.</summary>
    /// <exception cref="ArgumentException">The model's trainable parameters are not the layout's.</exception>
    public static float[] ToVector(GptNeoX model, ParameterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var vector = new float[layout.Length];
        foreach (var (entry, tensor) in Matched(model, layout))
        {
            using var plain = tensor.detach().contiguous();
            MemoryMarshal.Cast<byte, float>(plain.bytes).CopyTo(vector.AsSpan(entry.Offset, entry.Length));
        }

        return vector;
    }

    /// <summary>Overwrites the trainable parameters with <paramref name="source"/>, outside autograd; the frozen base is untouched.</summary>
    /// <exception cref="ArgumentException">The length is wrong, or the model's trainable parameters are not the layout's.</exception>
    public static void LoadVector(GptNeoX model, ParameterLayout layout, ReadOnlySpan<float> source)
    {
        ArgumentNullException.ThrowIfNull(layout);
        layout.CheckLength(source.Length);
        using var noGrad = no_grad();
        foreach (var (entry, target) in Matched(model, layout))
        {
            using var values = tensor(source.Slice(entry.Offset, entry.Length).ToArray(), entry.Shape.ToArray());
            target.copy_(values);
        }
    }

    private static List<(ParameterEntry Entry, Tensor Tensor)> Matched(GptNeoX model, ParameterLayout layout)
    {
        var trainable = Trainable(model).ToList();
        if (trainable.Count != layout.Entries.Count)
        {
            throw new ArgumentException($"The model has {trainable.Count} trainable tensors but the layout has {layout.Entries.Count}; the layout belongs to another model or adapter setting.");
        }

        var matched = new List<(ParameterEntry, Tensor)>(trainable.Count);
        for (int i = 0; i < trainable.Count; i++)
        {
            var entry = layout.Entries[i];
            var (name, t) = trainable[i];
            if (entry.Name != name || !entry.Shape.SequenceEqual(t.shape) || t.dtype != ScalarType.Float32)
            {
                throw new ArgumentException($"Trainable tensor {i} is '{name}' [{string.Join(", ", t.shape)}] but the layout expects '{entry.Name}' [{string.Join(", ", entry.Shape)}].");
            }

            matched.Add((entry, t));
        }

        return matched;
    }

    private static IEnumerable<(string Name, Tensor Tensor)> Trainable(GptNeoX model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.named_parameters().Where(p => p.parameter.requires_grad).Select(p => (p.name, (Tensor)p.parameter));
    }
}
