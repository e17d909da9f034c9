using FedSec.Parameters;

namespace FedSec.Simulation;

/// <summary>Rejects updates that do not match the layout or hold non-finite values, before any defense sees them.</summary>
public static class UpdateValidator
{
    /// <summary>Throws <see cref="InvalidUpdateException"/> naming the client and the first bad position.</summary>
    public static void Check(ClientUpdate update, ParameterLayout layout, string stage)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(layout);
        if (update.Weights.Length != layout.Length)
        {
            throw new InvalidUpdateException(
                $"Client {update.ClientId}'s update after {stage} has {update.Weights.Length} values; the model has {layout.Length}.");
        }

        if (update.SampleCount < 0 || !double.IsFinite(update.AggregationWeight) || update.AggregationWeight < 0)
        {
            throw new InvalidUpdateException(
                $"Client {update.ClientId}'s update after {stage} has sample count {update.SampleCount} and weight {update.AggregationWeight}; both must be finite and non-negative.");
        }

        var w = update.Weights;
        for (int i = 0; i < w.Length; i++)
        {
            if (!float.IsFinite(w[i]))
            {
                var entry = layout.Entries.Last(e => e.Offset <= i);
                throw new InvalidUpdateException(
                    $"Client {update.ClientId}'s update after {stage} holds {w[i]} at index {i} ({entry.Name}[{i - entry.Offset}]); every value must be finite.");
            }
        }
    }
}
