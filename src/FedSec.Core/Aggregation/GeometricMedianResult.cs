namespace FedSec.Aggregation;

/// <summary>The outcome of <see cref="GeometricMedian.Compute"/>.</summary>
/// <param name="Median">The approximate geometric median.</param>
/// <param name="Distances">‖median − xᵢ‖ for every input point.</param>
/// <param name="Weights">The last Weiszfeld weights αᵢ / max(ν, ‖z − xᵢ‖), normalised to sum to 1.</param>
/// <param name="Iterations">Weiszfeld steps taken (0 when the weighted mean was already optimal).</param>
/// <param name="Objective">Σ αᵢ ‖median − xᵢ‖ with the normalised input weights αᵢ.</param>
public sealed record GeometricMedianResult(float[] Median, double[] Distances, double[] Weights, int Iterations, double Objective);
