using System.Runtime.InteropServices;
using FedSec.Parameters;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Parameters;

/// <summary>
/// Copies a TorchSharp module's state to and from FedSec's flat <c>float[]</c> vectors: first the trainable
/// parameters in module order (<see cref="nn.Module.named_parameters"/>), then the floating-point buffers in
/// module order (<see cref="nn.Module.named_buffers"/>), e.g. BatchNorm's running mean and variance.
/// </summary>
public static class ModuleVectors
{
    /// <summary>The layout of <paramref name="module"/>'s state: trainable parameters, then floating-point buffers.</summary>
    public static ParameterLayout LayoutOf(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return new ParameterLayout(StateOf(module).Select(s => (s.Name, (IReadOnlyList<long>)s.Tensor.shape, s.Kind)));
    }

    /// <summary>Copies the module's state into <paramref name="destination"/> (length <see cref="ParameterLayout.Length"/>).</summary>
    /// <exception cref="ArgumentException">The module does not have the layout's tensors, or the length is wrong.</exception>
    public static void CopyToVector(nn.Module module, ParameterLayout layout, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(layout);
        layout.CheckLength(destination.Length);
        int i = 0;
        foreach (var (name, tensor, _) in StateOf(module))
        {
            var entry = Match(layout, i++, name, tensor);
            var slice = destination.Slice(entry.Offset, entry.Length);
            if (IsDirect(tensor))
            {
                MemoryMarshal.Cast<byte, float>(tensor.bytes).CopyTo(slice);
            }
            else
            {
                using var scope = torch.NewDisposeScope();
                using var plain = tensor.detach().to_type(ScalarType.Float32).contiguous();
                MemoryMarshal.Cast<byte, float>(plain.bytes).CopyTo(slice);
            }
        }

        CheckCount(layout, i);
    }

    /// <summary>The module's state as a new flat vector.</summary>
    public static float[] ToVector(nn.Module module, ParameterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var vector = new float[layout.Length];
        CopyToVector(module, layout, vector);
        return vector;
    }

    /// <summary>
    /// Overwrites the module's state with <paramref name="source"/>. The copy goes straight into the tensors' memory,
    /// outside autograd, so loading never becomes part of a gradient.
    /// </summary>
    /// <exception cref="ArgumentException">The module does not have the layout's tensors, or the length is wrong.</exception>
    public static void LoadVector(nn.Module module, ParameterLayout layout, ReadOnlySpan<float> source)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(layout);
        layout.CheckLength(source.Length);
        using var noGrad = torch.no_grad();
        int i = 0;
        foreach (var (name, tensor, _) in StateOf(module))
        {
            var entry = Match(layout, i++, name, tensor);
            var slice = source.Slice(entry.Offset, entry.Length);
            if (IsDirect(tensor))
            {
                slice.CopyTo(MemoryMarshal.Cast<byte, float>(tensor.bytes));
            }
            else
            {
                using var scope = torch.NewDisposeScope();
                var values = torch.tensor(slice.ToArray(), entry.Shape.ToArray());
                tensor.copy_(values);
            }
        }

        CheckCount(layout, i);
    }

    private static IEnumerable<(string Name, Tensor Tensor, ParameterKind Kind)> StateOf(nn.Module module)
    {
        foreach (var (name, parameter) in module.named_parameters())
        {
            yield return (name, parameter, ParameterKind.Trainable);
        }

        foreach (var (name, buffer) in module.named_buffers())
        {
            // Integer buffers (BatchNorm's num_batches_tracked) are counters, not model weights: averaging or
            // attacking them means nothing, so they stay out of the vector and keep their local value.
            if (buffer.is_floating_point())
            {
                yield return (name, buffer, ParameterKind.Buffer);
            }
        }
    }

    // Contiguous float32 CPU tensors are copied as raw memory; anything else goes through a converting copy.
    private static bool IsDirect(Tensor t) =>
        t.dtype == ScalarType.Float32 && t.device_type == DeviceType.CPU && t.is_contiguous();

    private static ParameterEntry Match(ParameterLayout layout, int index, string name, Tensor tensor)
    {
        if (index >= layout.Entries.Count)
        {
            throw new ArgumentException(
                $"The module has more tensors than the layout's {layout.Entries.Count}; the first extra one is '{name}'. The layout belongs to another model.");
        }

        var entry = layout.Entries[index];
        var shape = tensor.shape;
        if (!string.Equals(entry.Name, name, StringComparison.Ordinal) || !entry.Shape.SequenceEqual(shape))
        {
            throw new ArgumentException(
                $"Tensor {index} of the module is '{name}' [{string.Join(", ", shape)}] but the layout expects '{entry.Name}' [{string.Join(", ", entry.Shape)}]. The layout belongs to another model.");
        }

        return entry;
    }

    private static void CheckCount(ParameterLayout layout, int seen)
    {
        if (seen != layout.Entries.Count)
        {
            throw new ArgumentException(
                $"The module has {seen} tensors but the layout has {layout.Entries.Count}; the first missing one is '{layout.Entries[seen].Name}'. The layout belongs to another model.");
        }
    }
}
