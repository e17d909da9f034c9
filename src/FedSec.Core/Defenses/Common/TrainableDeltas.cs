using System.Numerics.Tensors;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.Common;

/// <summary>
/// The round's updates as deltas Δᵢ = wᵢ − G over the trainable parameters only (packed in layout order), which is
/// what the defenses measure, clip and compare; buffers such as BatchNorm statistics are left out. Rebuilds full
/// weight vectors from changed deltas, keeping each client's own buffers. The deltas and the rebuilt vectors are
/// rented from the round's <see cref="RoundContext.Buffers"/>: valid until the round ends, never to be kept longer.
/// </summary>
public sealed class TrainableDeltas
{
    private readonly RoundBuffers _buffers;

    private TrainableDeltas(ParameterLayout layout, float[] globalTrainable, float[][] deltas, RoundBuffers buffers)
    {
        _buffers = buffers;
        Layout = layout;
        GlobalTrainable = globalTrainable;
        Deltas = deltas;
    }

    /// <summary>The layout of the full vectors.</summary>
    public ParameterLayout Layout { get; }

    /// <summary>The global model's trainable elements, packed.</summary>
    public float[] GlobalTrainable { get; }

    /// <summary>Δᵢ over the trainable elements, one per update, in input order.</summary>
    public float[][] Deltas { get; }

    /// <summary>Number of updates.</summary>
    public int Count => Deltas.Length;

    /// <summary>Derives the trainable deltas of <paramref name="updates"/> against the round's global model.</summary>
    public static TrainableDeltas Of(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(context);
        var layout = context.Layout;
        var global = layout.GatherTrainable(context.Global.Span);
        var deltas = new float[updates.Count][];
        var buffers = context.Buffers;
        Parallel.For(0, updates.Count, i =>
        {
            var w = buffers.Rent(global.Length);
            if (layout.AllTrainable)
            {
                layout.CheckLength(updates[i].Weights.Length);
                TensorPrimitives.Subtract(updates[i].Weights, global, w);
            }
            else
            {
                layout.GatherTrainable(updates[i].Weights, w);
                TensorPrimitives.Subtract(w, global, w);
            }

            deltas[i] = w;
        });
        return new TrainableDeltas(layout, global, deltas, buffers);
    }

    /// <summary>
    /// The full weight vector G + <paramref name="delta"/> on the trainable elements, with <paramref name="update"/>'s
    /// own buffer values.
    /// </summary>
    public float[] Rebuild(ClientUpdate update, ReadOnlySpan<float> delta)
    {
        ArgumentNullException.ThrowIfNull(update);
        return Rebuild(update.Weights, delta);
    }

    /// <summary>
    /// The full weight vector G + <paramref name="delta"/> on the trainable elements, with the buffer values of
    /// <paramref name="buffersFrom"/> (a full vector).
    /// </summary>
    public float[] Rebuild(float[] buffersFrom, ReadOnlySpan<float> delta)
    {
        ArgumentNullException.ThrowIfNull(buffersFrom);
        var packed = _buffers.Rent(GlobalTrainable.Length);
        TensorPrimitives.Add(GlobalTrainable, delta, packed);
        if (Layout.AllTrainable)
        {
            return packed;
        }

        var full = _buffers.Rent(buffersFrom.Length);
        buffersFrom.CopyTo(full, 0);
        Layout.ScatterTrainable(packed, full);
        return full;
    }

    /// <summary>
    /// <paramref name="update"/> with its trainable delta scaled by <paramref name="factor"/> (its buffers, identity
    /// and weights unchanged).
    /// </summary>
    public ClientUpdate Scaled(ClientUpdate update, int index, double factor)
    {
        var d = _buffers.Rent(Deltas[index].Length);
        Deltas[index].CopyTo(d, 0);
        TensorPrimitives.Multiply(d, (float)factor, d);
        return update.WithWeights(Rebuild(update, d));
    }
}
