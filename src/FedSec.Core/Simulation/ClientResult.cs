namespace FedSec.Simulation;

/// <summary>One client's local training in a round, as its trainer (the simulation, or a node) hands it to the server.</summary>
/// <param name="ClientId">The client's identity.</param>
/// <param name="SampleCount">Number of samples it trained on (its FedAvg weight).</param>
/// <param name="Weights">Its local model (in the experiment's layout).</param>
/// <param name="MeanLoss">Its mean training loss.</param>
public sealed record ClientResult(int ClientId, int SampleCount, float[] Weights, double MeanLoss)
{
    /// <summary>
    /// Set when honest local training turned the model non-finite: a sentence naming the first non-finite value
    /// (<c>client 3's local training produced NaN at conv1.weight[17]</c>); null when the model is finite.
    /// </summary>
    public string? DivergedReason { get; init; }

    /// <summary>The optimizer steps its local training took (FedNova's τᵢ); null when its trainer did not say.</summary>
    public int? Steps { get; init; }
}
