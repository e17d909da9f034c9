using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.Median;

/// <summary>
/// Coordinate-wise median aggregation (Yin, Chen, Ramchandran and Bartlett, "Byzantine-robust distributed learning:
/// towards optimal statistical rates", ICML 2018): every trainable coordinate of the new model is the median of the
/// clients' values, the mean of the two middle values for an even count. Unweighted, as defined; buffers take the
/// weighted mean. FedML took the lower middle value and misaligned coordinates when buffers existed.
/// </summary>
internal sealed class MedianDefense : IOnAggregationDefense
{
    public AggregationOutcome DefendOnAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var trainable = TrainableView.Of(updates, context.Layout);
        return AggregationOutcome.Of(TrainableView.Compose(CoordinateMedian.Of(trainable), updates, context.Layout));
    }
}
