using FedSec.Parameters;

namespace FedSec.ServerOptimizers;

/// <summary>
/// What the server knows of a round's updates besides their weights, for an optimizer that turns them into what it
/// aggregates (<see cref="IPreparesUpdates"/>).
/// </summary>
/// <param name="Global">The current global model.</param>
/// <param name="Layout">The model's layout.</param>
/// <param name="LocalSteps">The local steps each client reported, by identity (absent: not reported).</param>
/// <param name="Staleness">In an asynchronous run, each update's staleness (server steps since its dispatch), by identity; null otherwise.</param>
/// <param name="StartModels">In an asynchronous run, the model each client trained from, by identity; null otherwise.</param>
public sealed record ReceivedUpdates(
    ReadOnlyMemory<float> Global,
    ParameterLayout Layout,
    IReadOnlyDictionary<int, int> LocalSteps,
    IReadOnlyDictionary<int, int>? Staleness,
    IReadOnlyDictionary<int, float[]>? StartModels);
