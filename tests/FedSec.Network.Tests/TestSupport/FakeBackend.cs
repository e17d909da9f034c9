using FedSec.Data;
using FedSec.Parameters;
using FedSec.Simulation;

namespace FedSec.Network.Tests.TestSupport;

/// <summary>A model-free backend: "training" moves each weight towards the client's mean label plus seeded noise.</summary>
internal sealed class FakeBackend : IModelBackend
{
    public FakeBackend(int d = 8)
    {
        Layout = new ParameterLayout([("w", new long[] { d }, ParameterKind.Trainable)]);
    }

    public ParameterLayout Layout { get; }

    public int MaxConcurrentTrainings => 2;

    public float[] InitialWeights(int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, Layout.Length).Select(_ => (float)rng.NextDouble()).ToArray();
    }

    public LocalTrainingResult Train(ReadOnlySpan<float> global, IClientDataset data, LocalTrainingSettings settings, Random order, int seed)
    {
        double meanLabel = ((ImageSet)data).Labels.Average();
        var noise = new Random(seed);
        var w = new float[global.Length];
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = global[i] + (float)(0.5 * (meanLabel - global[i]) + (0.01 * order.NextDouble()) + (0.01 * noise.NextDouble()));
        }

        return new LocalTrainingResult(w, 1, meanLabel);
    }

    public Evaluation Evaluate(ReadOnlySpan<float> weights, IClientDataset test)
    {
        double m = 0;
        foreach (var v in weights)
        {
            m += v;
        }

        m /= weights.Length;
        var confusion = new int[((ImageSet)test).ClassCount, ((ImageSet)test).ClassCount];
        confusion[0, 0] = test.Count;
        return new Evaluation(1.0 / (1.0 + Math.Abs(m)), Math.Abs(m), confusion);
    }

    public void Dispose()
    {
    }

    public static ImageSet Data(int count, int label, int classes = 10) =>
        new(Enumerable.Repeat(0.5f, count * 4).ToArray(), Enumerable.Repeat(label, count).ToArray(), 1, 2, 2, classes);
}
