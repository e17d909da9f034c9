using System.Numerics.Tensors;
using FedSec.Parameters;

namespace FedSec.Aggregation;

/// <summary>
/// The trainable part of updates for the aggregation rules, and the way back: rules act on trainable parameters only;
/// buffers (BatchNorm statistics) take the plain weighted mean by <see cref="ClientUpdate.AggregationWeight"/>.
/// When the layout has no buffers the updates' own arrays are used, without copies.
/// </summary>
internal static class TrainableView
{
    /// <summary>The trainable vectors of the updates (the arrays themselves when every element is trainable).</summary>
    public static float[][] Of(IReadOnlyList<ClientUpdate> updates, ParameterLayout layout)
    {
        var result = new float[updates.Count][];
        if (layout.AllTrainable)
        {
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = updates[i].Weights;
            }

            return result;
        }

        Parallel.For(0, result.Length, i => result[i] = layout.GatherTrainable(updates[i].Weights));
        return result;
    }

    /// <summary>The trainable part of one vector (the array itself when every element is trainable).</summary>
    public static float[] Of(ReadOnlyMemory<float> full, ParameterLayout layout) =>
        layout.AllTrainable && System.Runtime.InteropServices.MemoryMarshal.TryGetArray(full, out var segment)
            && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : layout.GatherTrainable(full.Span);

    /// <summary>
    /// The full model: <paramref name="trainable"/> in the trainable slices, and in each buffer slice the mean of the
    /// updates' buffers weighted by their aggregation weights.
    /// </summary>
    public static float[] Compose(float[] trainable, IReadOnlyList<ClientUpdate> updates, ParameterLayout layout)
    {
        if (layout.AllTrainable)
        {
            return trainable;
        }

        var full = new float[layout.Length];
        layout.ScatterTrainable(trainable, full);
        double total = updates.Sum(u => u.AggregationWeight);
        foreach (var entry in layout.Entries)
        {
            if (entry.Kind != ParameterKind.Buffer)
            {
                continue;
            }

            var target = full.AsSpan(entry.Offset, entry.Length);
            for (int i = 0; i < updates.Count; i++)
            {
                double w = total > 0 ? updates[i].AggregationWeight / total : 1.0 / updates.Count;
                TensorPrimitives.MultiplyAdd(updates[i].Weights.AsSpan(entry.Offset, entry.Length), (float)w, target, target);
            }
        }

        return full;
    }

    /// <summary>A copy of <paramref name="global"/> with its trainable slices replaced by <paramref name="trainable"/>.</summary>
    /// <param name="global">The full vector whose buffers are kept.</param>
    /// <param name="trainable">The new trainable part.</param>
    /// <param name="layout">The layout of both.</param>
    /// <param name="allocate">Gives the full-length vector to write into; null allocates a new array.</param>
    public static float[] Replace(ReadOnlySpan<float> global, float[] trainable, ParameterLayout layout, Func<int, float[]>? allocate = null)
    {
        if (layout.AllTrainable)
        {
            return trainable;
        }

        var full = allocate is null ? GC.AllocateUninitializedArray<float>(global.Length) : allocate(global.Length);
        global.CopyTo(full);

        layout.ScatterTrainable(trainable, full);
        return full;
    }
}
