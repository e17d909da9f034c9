using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.Common;

/// <summary>
/// The shared body of <c>3sigma</c> and <c>anomaly_detection</c>: score each trainable delta against the coordinate-wise
/// median of the round's deltas (a reference that up to half the clients cannot move far), then remove the updates
/// scoring above centre + λ·spread.
/// </summary>
internal static class MedianReferenceFilter
{
    public static DefenseOutcome Apply(
        IReadOnlyList<ClientUpdate> updates,
        RoundContext context,
        OutlierFilterOptions options,
        Func<float[], float[], double> score)
    {
        if (updates.Count < 3)
        {
            // With one or two updates every score is the same distance to the median: nothing can stand out.
            return DefenseOutcome.KeepAll(updates);
        }

        var deltas = TrainableDeltas.Of(updates, context).Deltas;
        var median = CoordinateMedian.Of(deltas);
        var scores = new double[deltas.Length];
        Parallel.For(0, deltas.Length, i => scores[i] = score(deltas[i], median));
        return OutlierFilter.Apply(updates, scores, options);
    }
}
