using FedSec.Data;
using FedSec.Parameters;
using FedSec.Simulation;

namespace FedSec.Core.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeBackend"/> that lets several clients train at once and makes them finish out of order: each call
/// first sleeps a few milliseconds chosen by its seed. Optionally the training with a given seed returns NaN (the seed is
/// derived from (round, client), so the same client diverges at any parallelism). Counts the most calls in flight.
/// </summary>
internal sealed class ConcurrentBackend : IModelBackend
{
    private readonly FakeBackend _inner;
    private readonly object _gate = new();
    private readonly Func<int, bool> _divergesWithSeed;
    private int _inFlight;

    public ConcurrentBackend(int maxConcurrent, int d = 4, Func<int, bool>? divergesWithSeed = null)
    {
        _inner = new FakeBackend(d);
        MaxConcurrentTrainings = maxConcurrent;
        _divergesWithSeed = divergesWithSeed ?? (_ => false);
    }

    public ParameterLayout Layout => _inner.Layout;

    public int MaxConcurrentTrainings { get; }

    public int MostInFlight { get; private set; }

    public float[] InitialWeights(int seed) => _inner.InitialWeights(seed);

    public LocalTrainingResult Train(ReadOnlySpan<float> global, IClientDataset data, LocalTrainingSettings settings, Random order, int seed)
    {
        var copy = global.ToArray();
        lock (_gate)
        {
            _inFlight++;
            MostInFlight = Math.Max(MostInFlight, _inFlight);
        }

        Thread.Sleep(Math.Abs(seed % 7) * 3);
        LocalTrainingResult result;
        lock (_gate)
        {
            _inFlight--;
            result = _inner.Train(copy, data, settings, order, seed);
        }

        if (_divergesWithSeed(seed))
        {
            result.Weights[1] = float.NaN;
        }

        return result;
    }

    public FedSec.Simulation.Evaluation Evaluate(ReadOnlySpan<float> weights, IClientDataset test) => _inner.Evaluate(weights, test);

    public void Dispose() => _inner.Dispose();
}
