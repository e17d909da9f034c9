using FedSec.Data;
using FedSec.Parameters;
using FedSec.Simulation;

namespace FedSec.Core.Tests.TestSupport;

/// <summary>A <see cref="FakeBackend"/> that records the size of each data set it trained on and the settings it was given.</summary>
internal sealed class SettingsRecordingBackend : IModelBackend
{
    private readonly FakeBackend _inner = new();

    public ParameterLayout Layout => _inner.Layout;

    public List<(int Samples, LocalTrainingSettings Settings)> Trainings { get; } = new();

    public float[] InitialWeights(int seed) => _inner.InitialWeights(seed);

    public LocalTrainingResult Train(ReadOnlySpan<float> global, IClientDataset data, LocalTrainingSettings settings, Random order, int seed)
    {
        Trainings.Add((data.Count, settings));
        return _inner.Train(global, data, settings, order, seed);
    }

    public FedSec.Simulation.Evaluation Evaluate(ReadOnlySpan<float> weights, IClientDataset test) => _inner.Evaluate(weights, test);

    public void Dispose() => _inner.Dispose();
}
