using System.Numerics.Tensors;
using FedSec.Parameters;

namespace FedSec.Aggregation;

/// <summary>The weighted mean of flat vectors (FedAvg's aggregation), SIMD over column blocks, all cores.</summary>
public static class WeightedMean
{
    private const int Block = 1 << 14;

    /// <summary>Writes Σ wᵢ xᵢ / Σ wᵢ into <paramref name="destination"/>.</summary>
    public static void Compute(IReadOnlyList<float[]> vectors, ReadOnlySpan<double> weights, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0)
        {
            throw new ArgumentException("The weighted mean needs at least one vector.", nameof(vectors));
        }

        if (weights.Length != vectors.Count)
        {
            throw new ArgumentException($"{weights.Length} weights for {vectors.Count} vectors.", nameof(weights));
        }

        double total = 0;
        foreach (var w in weights)
        {
            if (!(w >= 0) || !double.IsFinite(w))
            {
                throw new ArgumentException($"Weight {w} is not a finite non-negative number.", nameof(weights));
            }

            total += w;
        }

        if (total <= 0)
        {
            throw new ArgumentException("The weights sum to zero.", nameof(weights));
        }

        int d = destination.Length;
        foreach (var v in vectors)
        {
            if (v.Length != d)
            {
                throw new ArgumentException($"A vector has {v.Length} elements; expected {d}.", nameof(vectors));
            }
        }

        var weightArray = weights.ToArray();

        // Column blocks are independent; each block is accumulated in double in client order and divided by the
        // total once, so the result does not depend on the thread count, and identical updates average to
        // themselves exactly.
        float[] dest = new float[d];
        int blocks = (d + Block - 1) / Block;
        Parallel.For(0, blocks, () => (new double[Block], new double[Block]), (b, _, buffers) =>
        {
            var (acc, tmp) = buffers;
            int start = b * Block, len = Math.Min(Block, d - start);
            var a = acc.AsSpan(0, len);
            var t = tmp.AsSpan(0, len);
            a.Clear();
            for (int i = 0; i < vectors.Count; i++)
            {
                TensorPrimitives.ConvertChecked<float, double>(vectors[i].AsSpan(start, len), t);
                TensorPrimitives.MultiplyAdd(t, weightArray[i], a, a);
            }

            TensorPrimitives.Divide(a, total, a);
            TensorPrimitives.ConvertTruncating<double, float>(a, dest.AsSpan(start, len));
            return buffers;
        }, _ => { });
        dest.CopyTo(destination);
    }

    /// <summary>FedAvg: the mean of the updates' weights, weighted by <see cref="ClientUpdate.AggregationWeight"/>.</summary>
    public static float[] Of(IReadOnlyList<ClientUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            throw new ArgumentException("Nothing to aggregate: no update reached the aggregation.", nameof(updates));
        }

        var result = new float[updates[0].Weights.Length];
        Compute(updates.Select(u => u.Weights).ToArray(), updates.Select(u => u.AggregationWeight).ToArray(), result);
        return result;
    }
}
