namespace FedSec.Parameters;

/// <summary>
/// What one client sends the server in a round: its full local weights (trainable parameters and buffers,
/// in the experiment's <see cref="ParameterLayout"/>). Deltas are derived against the round's global model.
/// </summary>
/// <param name="ClientId">The client's identity, fixed for the experiment (not a list position).</param>
/// <param name="SampleCount">Number of local training samples; FedAvg's weight.</param>
/// <param name="Weights">The flat local model.</param>
public sealed record ClientUpdate(int ClientId, int SampleCount, float[] Weights)
{
    /// <summary>
    /// The weight of this update in a weighted aggregation. Starts at <see cref="SampleCount"/>;
    /// reweighting defenses (FoolsGold, FLTrust, ...) change it.
    /// </summary>
    public double AggregationWeight { get; init; } = SampleCount;

    /// <summary>The update relative to the global model: <c>Weights − global</c>.</summary>
    public float[] Delta(ReadOnlySpan<float> global)
    {
        if (global.Length != Weights.Length)
        {
            throw new ArgumentException($"The global model has {global.Length} elements; client {ClientId}'s update has {Weights.Length}.", nameof(global));
        }

        var d = new float[Weights.Length];
        System.Numerics.Tensors.TensorPrimitives.Subtract(Weights, global, d);
        return d;
    }

    /// <summary>A copy of this update with other weights (same identity, sample count and aggregation weight).</summary>
    public ClientUpdate WithWeights(float[] weights) => this with { Weights = weights };
}
