using FedSec.Data;
using FedSec.Parameters;
using FedSec.Simulation;

namespace FedSec.Core.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeBackend"/> whose local training can be made to return a chosen model (e.g. one holding NaN) at a
/// chosen call, and whose evaluation of a model with a non-finite weight does what libtorch does with all-NaN logits:
/// argmax picks class 0 for every sample. Records every model it evaluated.
/// </summary>
internal sealed class DivergingBackend : IModelBackend
{
    private readonly FakeBackend _inner;
    private readonly Func<int, float[], float[]> _rewrite;

    /// <param name="rewrite">Given the zero-based Train call and the trained weights, the weights to return.</param>
    /// <param name="d">Model length.</param>
    public DivergingBackend(Func<int, float[], float[]> rewrite, int d = 4)
    {
        _inner = new FakeBackend(d);
        _rewrite = rewrite;
    }

    public ParameterLayout Layout => _inner.Layout;

    public int TrainCalls { get; private set; }

    public List<float[]> Evaluated { get; } = new();

    /// <summary>Returns NaN at index 1 on Train call <paramref name="call"/>, normal training otherwise.</summary>
    public static DivergingBackend NaNOnCall(int call) => new((n, w) =>
    {
        if (n == call)
        {
            w[1] = float.NaN;
        }

        return w;
    });

    public float[] InitialWeights(int seed) => _inner.InitialWeights(seed);

    public LocalTrainingResult Train(ReadOnlySpan<float> global, IClientDataset data, LocalTrainingSettings settings, Random order, int seed)
    {
        var r = _inner.Train(global, data, settings, order, seed);
        var weights = _rewrite(TrainCalls++, r.Weights);
        return r with { Weights = weights, MeanLoss = weights.All(float.IsFinite) ? r.MeanLoss : double.NaN };
    }

    public Evaluation Evaluate(ReadOnlySpan<float> weights, IClientDataset test)
    {
        Evaluated.Add(weights.ToArray());
        foreach (var v in weights)
        {
            if (!float.IsFinite(v))
            {
                var confusion = new int[((ImageSet)test).ClassCount, ((ImageSet)test).ClassCount];
                foreach (int label in ((ImageSet)test).Labels)
                {
                    confusion[label, 0]++;
                }

                return new Evaluation((double)((ImageSet)test).Labels.Count(l => l == 0) / test.Count, double.NaN, confusion);
            }
        }

        return _inner.Evaluate(weights, test);
    }

    public void Dispose() => _inner.Dispose();
}
