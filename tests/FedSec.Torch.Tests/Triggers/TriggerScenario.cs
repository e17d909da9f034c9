using FedSec.Configuration;
using FedSec.Data;
using FedSec.Simulation;
using FedSec.Torch.Models;
using FedSec.Torch.Simulation;
using FedSec.Torch.Triggers;

namespace FedSec.Torch.Tests.Triggers;

/// <summary>
/// A tiny learnable task for the optimised-trigger backdoors: 1 × 8 × 8 images of 4 classes, class k a bright band on
/// rows 2k and 2k + 1 over dim noise; a global model trained on it in a second.
/// </summary>
internal static class TriggerScenario
{
    public static readonly DatasetInfo Info = new("bands", 1, 8, 8, 4, new[] { 0.5f }, new[] { 0.5f });

    public static ImageSet Bands(int count, int seed)
    {
        var rng = new Random(seed);
        var pixels = new float[count * 64];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            int k = rng.Next(4);
            labels[i] = k;
            for (int r = 0; r < 8; r++)
            {
                for (int c = 0; c < 8; c++)
                {
                    bool band = r / 2 == k;
                    pixels[(i * 64) + (r * 8) + c] = band ? 0.7f + (0.3f * (float)rng.NextDouble()) : 0.3f * (float)rng.NextDouble();
                }
            }
        }

        return new ImageSet(pixels, labels, 1, 8, 8, 4);
    }

    public static TriggerModelSettings Settings(string model = "mlp", int batchSize = 16, long seed = 5) =>
        new(ModelCatalog.CreateBuiltIn().Get(model), Info, batchSize, seed);

    /// <summary>A global model trained on clean bands (well above chance on them).</summary>
    public static float[] TrainedGlobal(TorchModelBackend backend, ImageSet data, int epochs = 5)
    {
        var settings = new LocalTrainingSettings(epochs, 16, ClientOptimizer.Sgd, 0.1, 0, 0, 0);
        return backend.Train(backend.InitialWeights(3), data, settings, new Random(1), 2).Weights;
    }

    public static TorchModelBackend Backend(string model = "mlp") => new(ModelCatalog.CreateBuiltIn().Get(model), Info);

    /// <summary>The share of <paramref name="triggered"/> the model classifies as <paramref name="target"/>.</summary>
    public static double Asr(TorchModelBackend backend, float[] weights, ImageSet triggered, int target) =>
        backend.Evaluate(weights, triggered).PredictedShare(target);
}
