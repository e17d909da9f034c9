using FedSec.Data;
using FedSec.Parameters;
using FedSec.Simulation;

namespace FedSec.Core.Tests.TestSupport;

/// <summary>A <see cref="FakeBackend"/> that records the global model each local training started from.</summary>
internal sealed class GlobalRecordingBackend : IModelBackend
{
    private readonly FakeBackend _inner;

    public GlobalRecordingBackend(int d = 4) => _inner = new FakeBackend(d);

    public ParameterLayout Layout => _inner.Layout;

    public List<float[]> TrainedFrom { get; } = new();

    public float[] InitialWeights(int seed) => _inner.InitialWeights(seed);

    public LocalTrainingResult Train(ReadOnlySpan<float> global, IClientDataset data, LocalTrainingSettings settings, Random order, int seed)
    {
        TrainedFrom.Add(global.ToArray());
        return _inner.Train(global, data, settings, order, seed);
    }

    public FedSec.Simulation.Evaluation Evaluate(ReadOnlySpan<float> weights, IClientDataset test) => _inner.Evaluate(weights, test);

    public void Dispose() => _inner.Dispose();
}
