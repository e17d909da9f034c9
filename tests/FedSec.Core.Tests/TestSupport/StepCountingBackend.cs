using FedSec.Data;
using FedSec.Parameters;
using FedSec.Simulation;

namespace FedSec.Core.Tests.TestSupport;

/// <summary>A <see cref="FakeBackend"/> that reports as many local steps as the client has samples.</summary>
internal sealed class StepCountingBackend : IModelBackend
{
    private readonly FakeBackend _inner = new();

    public ParameterLayout Layout => _inner.Layout;

    public float[] InitialWeights(int seed) => _inner.InitialWeights(seed);

    public LocalTrainingResult Train(ReadOnlySpan<float> global, IClientDataset data, LocalTrainingSettings settings, Random order, int seed) =>
        _inner.Train(global, data, settings, order, seed) with { Steps = data.Count };

    public FedSec.Simulation.Evaluation Evaluate(ReadOnlySpan<float> weights, IClientDataset test) => _inner.Evaluate(weights, test);

    public void Dispose() => _inner.Dispose();
}
