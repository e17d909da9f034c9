using FedSec.Data;
using FedSec.Parameters;
using FedSec.Simulation;

namespace FedSec.Network.Tests.TestSupport;

/// <summary>A <see cref="FakeBackend"/> whose local training of the client with <c>samples</c> training samples comes back with NaN at index 1, every round.</summary>
internal sealed class NaNClientBackend(int samples) : IModelBackend
{
    private readonly FakeBackend _inner = new();

    public ParameterLayout Layout => _inner.Layout;

    public int MaxConcurrentTrainings => _inner.MaxConcurrentTrainings;

    public float[] InitialWeights(int seed) => _inner.InitialWeights(seed);

    public LocalTrainingResult Train(ReadOnlySpan<float> global, IClientDataset data, LocalTrainingSettings settings, Random order, int seed)
    {
        var result = _inner.Train(global, data, settings, order, seed);
        if (data.Count != samples)
        {
            return result;
        }

        result.Weights[1] = float.NaN;
        return result with { MeanLoss = double.NaN };
    }

    public Evaluation Evaluate(ReadOnlySpan<float> weights, IClientDataset test) => _inner.Evaluate(weights, test);

    public void Dispose() => _inner.Dispose();
}
