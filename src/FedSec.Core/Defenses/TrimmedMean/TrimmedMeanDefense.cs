using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.TrimmedMean;

/// <summary>
/// Coordinate-wise trimmed mean (Yin, Chen, Ramchandran and Bartlett, "Byzantine-robust distributed learning: towards
/// optimal statistical rates", ICML 2018): for every trainable coordinate, drop the k = ⌊β·n⌋ largest and k smallest
/// client values and average the rest (n = updates reaching the aggregation this round). Unweighted, as defined;
/// buffers take the weighted mean. FedML instead sorted whole models by sample count, which trims nothing robustly.
/// </summary>
internal sealed class TrimmedMeanDefense(TrimmedMeanOptions options) : IOnAggregationDefense
{
    public AggregationOutcome DefendOnAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        int k = CoordinateTrimmedMean.TrimCount(updates.Count, options.Beta);
        var trainable = TrainableView.Of(updates, context.Layout);
        return AggregationOutcome.Of(TrainableView.Compose(CoordinateTrimmedMean.Of(trainable, k), updates, context.Layout));
    }
}
