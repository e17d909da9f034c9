using FedSec.Parameters;

namespace FedSec.Aggregation;

/// <summary>The weighted mean of flat vectors (FedAvg's aggregation): <see cref="WeightedSum"/> divided by the total weight.</summary>
public static class WeightedMean
{
    /// <summary>Writes Σ wᵢ xᵢ / Σ wᵢ into <paramref name="destination"/>.</summary>
    public static void Compute(IReadOnlyList<float[]> vectors, ReadOnlySpan<double> weights, Memory<float> destination)
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

        // Accumulated per coordinate in client order in double, divided by the total once (WeightedSum): the result does
        // not depend on the thread count, and identical updates average to themselves exactly.
        WeightedSum.Compute(vectors, weights, total, destination);
    }

    /// <summary>The plain mean (1/n) Σ xᵢ of equally long vectors: every weight 1, with the same guarantees.</summary>
    /// <param name="vectors">The vectors.</param>
    /// <param name="allocate">Gives the d-element result vector (every element is written); null allocates a new array.</param>
    public static float[] Unweighted(IReadOnlyList<float[]> vectors, Func<int, float[]>? allocate = null)
    {
        int d = VectorChecks.CommonLength(vectors);
        var result = allocate?.Invoke(d) ?? GC.AllocateUninitializedArray<float>(d);
        var ones = new double[vectors.Count];
        Array.Fill(ones, 1.0);
        WeightedSum.Compute(vectors, ones, vectors.Count, result);
        return result;
    }

    /// <summary>FedAvg: the mean of the updates' weights, weighted by <see cref="ClientUpdate.AggregationWeight"/>.</summary>
    public static float[] Of(IReadOnlyList<ClientUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            throw new ArgumentException("Nothing to aggregate: no update reached the aggregation.", nameof(updates));
        }

        // Every element is written: no need to zero the array first.
        return Into(updates, GC.AllocateUninitializedArray<float>(updates[0].Weights.Length));
    }

    /// <summary>FedAvg written into <paramref name="destination"/> (every element is overwritten), which it returns.</summary>
    public static float[] Into(IReadOnlyList<ClientUpdate> updates, float[] destination)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(destination);
        if (updates.Count == 0)
        {
            throw new ArgumentException("Nothing to aggregate: no update reached the aggregation.", nameof(updates));
        }

        Compute(updates.Select(u => u.Weights).ToArray(), updates.Select(u => u.AggregationWeight).ToArray(), destination);
        return destination;
    }
}
