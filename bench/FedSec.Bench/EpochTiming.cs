using System.Diagnostics;
using FedSec.Torch.Evaluation;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using FedSec.Torch.Training;
using static TorchSharp.torch;

namespace FedSec.Bench;

/// <summary>
/// Wall time of one local epoch of the <c>cnn</c> over 6 000 MNIST-sized samples at batch 32 (one client's share of
/// MNIST among ten), and of evaluating on 10 000 samples (MNIST's test set): what sizes the default experiment.
/// </summary>
internal static class EpochTiming
{
    public static void Run(int samples, int repeats)
    {
        var data = SyntheticMnist.Create(samples, seed: 4);
        random.manual_seed(1);
        using var model = ModelCatalog.CreateBuiltIn().Create("cnn", ImageShape.Of(data), 10);
        var layout = ModuleVectors.LayoutOf(model);
        var global = ModuleVectors.ToVector(model, layout);
        var trainer = new LocalTrainer(model, layout);
        var options = new LocalTrainingOptions { Epochs = 1, BatchSize = 32, LearningRate = 0.01 };
        Console.WriteLine($"cnn, {samples} samples of 1×28×28, batch 32, SGD, torch threads {get_num_threads()}");
        for (int r = 0; r <= repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            var result = trainer.Train(data, global, options, new Random(r), r, SyntheticMnist.Normalization);
            clock.Stop();
            string label = r == 0 ? "warm-up" : $"run {r}";
            Console.WriteLine($"{label}: {clock.Elapsed.TotalSeconds:F2} s for {result.Steps} steps ({samples / clock.Elapsed.TotalSeconds:F0} samples/s)");
        }

        var test = SyntheticMnist.Create(10_000, seed: 5);
        var evaluator = new Evaluator(model, layout);
        for (int r = 0; r < 2; r++)
        {
            var clock = Stopwatch.StartNew();
            var result = evaluator.Evaluate(global, test, SyntheticMnist.Normalization);
            Console.WriteLine($"evaluation of {result.Count} samples: {clock.Elapsed.TotalSeconds:F2} s");
        }
    }
}
