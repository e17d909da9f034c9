using FedSec.Data;
using FedSec.Parameters;
using FedSec.Simulation;

namespace FedSec.Privacy.Tests.TestSupport;

/// <summary>
/// A model-free backend on a flat layout of d trainable values: client c's "training" moves every weight by
/// <c>Step(c)</c> (its first label times <see cref="Scale"/>), so each update Δ = w − G is known exactly.
/// </summary>
internal sealed class StepBackend : IModelBackend
{
    public StepBackend(int d, float scale = 1f, int buffers = 0)
    {
        var tensors = new List<(string, IReadOnlyList<long>, ParameterKind)> { ("w", new long[] { d }, ParameterKind.Trainable) };
        if (buffers > 0)
        {
            tensors.Add(("running_mean", new long[] { buffers }, ParameterKind.Buffer));
        }

        Layout = new ParameterLayout(tensors);
        Scale = scale;
    }

    public ParameterLayout Layout { get; }

    public float Scale { get; }

    public float[] InitialWeights(int seed) => new float[Layout.Length];

    public LocalTrainingResult Train(ReadOnlySpan<float> global, IClientDataset data, LocalTrainingSettings settings, Random order, int seed)
    {
        float step = ((ImageSet)data).Labels[0] * Scale;
        var w = global.ToArray();
        for (int i = 0; i < w.Length; i++)
        {
            w[i] += step;
        }

        return new LocalTrainingResult(w, 1, 0);
    }

    public Evaluation Evaluate(ReadOnlySpan<float> weights, IClientDataset test) => new(0.5, 1, new int[((ImageSet)test).ClassCount, ((ImageSet)test).ClassCount]);

    public void Dispose()
    {
    }

    /// <summary>Client i has label i + 1 (so it steps by (i + 1)·scale) and 10 samples.</summary>
    public static ExperimentData Data(int clients) => new(
        Enumerable.Range(0, clients).Select(i => new ImageSet(new float[10 * 4], Enumerable.Repeat(Math.Min(i + 1, 9), 10).ToArray(), 1, 2, 2, 10)).ToArray(),
        new ImageSet(new float[4], new[] { 0 }, 1, 2, 2, 10));
}
