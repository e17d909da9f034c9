using FedSec.Parameters;

namespace FedSec.Stages;

/// <summary>
/// Runs on each client after its local training, before it sends its model (local differential privacy, clipping done
/// by the clients). Called for every sampled client in client order, with that client's seeded streams.
/// </summary>
public interface IClientUpdateStage : IComponent
{
    /// <summary>Returns the model the client sends (a new array, or <paramref name="local"/> changed in place).</summary>
    /// <param name="local">The client's trained model, finite.</param>
    /// <param name="global">The global model the client started from.</param>
    /// <param name="layout">The models' layout.</param>
    /// <param name="client">The round, the client and its random streams.</param>
    float[] ProcessLocalModel(float[] local, ReadOnlySpan<float> global, ParameterLayout layout, ClientContext client);
}
