using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Core.Tests.Simulation;

/// <summary>
/// An aggregation rule that returns its mean in a vector rented from the round buffers, and, in every round, checks that
/// the round's global model still holds the previous round's result after it scribbles over a new rented vector.
/// </summary>
internal sealed class RentingMeanAggregation : IOnAggregationDefense
{
    private float[]? _previous;

    public List<bool> GlobalIntactAfterRenting { get; } = new();

    public AggregationOutcome DefendOnAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var mean = WeightedMean.Of(updates);
        var rented = context.Buffers.Rent(mean.Length);
        Array.Fill(rented, float.NaN);
        if (_previous is not null)
        {
            GlobalIntactAfterRenting.Add(context.Global.Span.SequenceEqual(_previous));
        }

        mean.CopyTo(rented, 0);
        _previous = mean;
        return new AggregationOutcome(rented, Array.Empty<ClientVerdict>());
    }
}
