using FedSec.Parameters;

namespace FedSec.Privacy.Mechanisms;

/// <summary>
/// The update Δ = w − G over the trainable parameters only, packed; and back. Buffers (BatchNorm statistics) are not
/// part of what differential privacy clips and noises here: they are sent as trained (see docs/defenses/privacy.md).
/// </summary>
internal static class TrainableDelta
{
    /// <summary>Δ = w − G on the trainable coordinates, packed in layout order.</summary>
    public static float[] Of(ReadOnlySpan<float> model, ReadOnlySpan<float> global, ParameterLayout layout)
    {
        var delta = new float[layout.TrainableLength];
        int at = 0;
        foreach (var e in layout.Entries)
        {
            if (e.Kind != ParameterKind.Trainable)
            {
                continue;
            }

            System.Numerics.Tensors.TensorPrimitives.Subtract(model.Slice(e.Offset, e.Length), global.Slice(e.Offset, e.Length), delta.AsSpan(at, e.Length));
            at += e.Length;
        }

        return delta;
    }

    /// <summary>Writes G + Δ into the trainable coordinates of <paramref name="model"/> (its buffers stay as they are).</summary>
    public static void Apply(float[] model, ReadOnlySpan<float> global, ReadOnlySpan<float> delta, ParameterLayout layout)
    {
        int at = 0;
        foreach (var e in layout.Entries)
        {
            if (e.Kind != ParameterKind.Trainable)
            {
                continue;
            }

            System.Numerics.Tensors.TensorPrimitives.Add(global.Slice(e.Offset, e.Length), delta.Slice(at, e.Length), model.AsSpan(e.Offset, e.Length));
            at += e.Length;
        }
    }
}
