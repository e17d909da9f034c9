namespace FedSec.Privacy.SecureAggregation;

/// <summary>
/// One round of secure aggregation as the server sets it up: who takes part (in the round's update order), each one's
/// neighbours, the scale pᵢ each multiplies its update by before quantising (its share of the aggregation weight), and
/// the protocol's parameters. The same for the simulation's in-process clients and for a distributed run's nodes.
/// </summary>
/// <param name="Round">The round (0-based).</param>
/// <param name="Participants">The clients, in the order of the round's updates.</param>
/// <param name="Neighbours">Each participant's neighbours (<see cref="SecAggGraph"/>).</param>
/// <param name="Scales">pᵢ = aggregation weight / total weight.</param>
/// <param name="Threshold">t, the shares needed to reconstruct a secret.</param>
/// <param name="ClippingRange">c of <see cref="FixedPoint"/>.</param>
/// <param name="QuantizationRange">Q of <see cref="FixedPoint"/>.</param>
/// <param name="Length">The length of every vector (the model's).</param>
internal sealed record SecAggRoundSpec(
    int Round,
    IReadOnlyList<int> Participants,
    IReadOnlyDictionary<int, IReadOnlyList<int>> Neighbours,
    IReadOnlyDictionary<int, double> Scales,
    int Threshold,
    double ClippingRange,
    long QuantizationRange,
    int Length);
