using FedSec.Data;
using FedSec.Parameters;

namespace FedSec.Simulation;

/// <summary>
/// The model side of a simulation: creates the initial model, trains a client locally and evaluates. FedSec.Torch
/// implements it with TorchSharp; tests implement it with small fakes. Calls come from one thread at a time, except
/// <see cref="Train"/>, which up to <see cref="MaxConcurrentTrainings"/> clients may call at once.
/// </summary>
public interface IModelBackend : IDisposable
{
    /// <summary>The flat layout of the model's state.</summary>
    ParameterLayout Layout { get; }

    /// <summary>The freshly initialised model for a seed.</summary>
    float[] InitialWeights(int seed);

    /// <summary>Trains from <paramref name="global"/> on <paramref name="data"/>; batch order from <paramref name="order"/>, other randomness from <paramref name="seed"/>.</summary>
    LocalTrainingResult Train(ReadOnlySpan<float> global, IClientDataset data, LocalTrainingSettings settings, Random order, int seed);

    /// <summary>
    /// How many <see cref="Train"/> calls may run at once; each must give what it would give alone (the engine trains
    /// that many clients in parallel and relies on it for reproducibility). 1 unless the backend says otherwise.
    /// </summary>
    int MaxConcurrentTrainings => 1;

    /// <summary>
    /// Accuracy, loss and confusion counts of <paramref name="weights"/> on <paramref name="test"/> (a language model: next-token
    /// accuracy, loss and perplexity). The data sets are of the kind the backend was created for.
    /// </summary>
    Evaluation Evaluate(ReadOnlySpan<float> weights, IClientDataset test);
}
