using BenchmarkDotNet.Attributes;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using FedSec.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Bench;

/// <summary>
/// One epoch of the <c>cnn</c> over 2 000 MNIST-shaped samples, batch 32, SGD: FedSec's <see cref="LocalTrainer"/>
/// (load the global vector, train, read the vector out) next to a plain hand-written TorchSharp loop on the same data,
/// at 1 tensor thread (what <c>fedsec run</c> gives each client and <c>fedsec bench</c> each run) and at 2.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class LocalTrainingBenchmark : IDisposable
{
    public const int Samples = 2000;
    private const int BatchSize = 32;
    private const double LearningRate = 0.01;

    private ImageSet _data = null!;
    private nn.Module<Tensor, Tensor> _engineModel = null!;
    private nn.Module<Tensor, Tensor> _plainModel = null!;
    private LocalTrainer _trainer = null!;
    private float[] _global = null!;
    private int _round;

    /// <summary>libtorch's intra-op threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(Threads);
        _data = SyntheticMnist.Create(Samples, seed: 1);
        var catalog = ModelCatalog.CreateBuiltIn();
        random.manual_seed(1);
        _engineModel = catalog.Create("cnn", ImageShape.Of(_data), 10);
        random.manual_seed(1);
        _plainModel = catalog.Create("cnn", ImageShape.Of(_data), 10);
        var layout = ModuleVectors.LayoutOf(_engineModel);
        _global = ModuleVectors.ToVector(_engineModel, layout);
        _trainer = new LocalTrainer(_engineModel, layout);
    }

    public void Dispose()
    {
        _trainer?.Dispose();
        GC.SuppressFinalize(this);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _trainer.Dispose();
        _engineModel.Dispose();
        _plainModel.Dispose();
    }

    [Benchmark(Baseline = true, Description = "plain TorchSharp loop")]
    public float PlainLoop()
    {
        // What a TorchSharp user writes by hand: shuffle, copy each batch into a tensor, normalise, step.
        var rng = new Random(_round++);
        var order = rng.Permutation(Samples);
        _plainModel.train();
        using var optimizer = optim.SGD(_plainModel.parameters(), LearningRate);
        using var mean = tensor(new[] { 0.1307f }, [1, 1, 1, 1]);
        using var std = tensor(new[] { 0.3081f }, [1, 1, 1, 1]);
        int size = _data.ImageSize;
        var pixels = new float[BatchSize * size];
        var labels = new long[BatchSize];
        float last = 0;
        for (int start = 0; start < Samples; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            int count = Math.Min(BatchSize, Samples - start);
            for (int i = 0; i < count; i++)
            {
                _data.Image(order[start + i]).CopyTo(pixels.AsSpan(i * size, size));
                labels[i] = _data.Labels[order[start + i]];
            }

            var x = tensor(pixels.AsSpan(0, count * size).ToArray(), [count, 1, 28, 28]);
            x = (x - mean) / std;
            var y = tensor(labels.AsSpan(0, count).ToArray());
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(_plainModel.forward(x), y);
            loss.backward();
            optimizer.step();
            last = loss.item<float>();
        }

        return last;
    }

    [Benchmark(Description = "FedSec LocalTrainer, oneDNN on")]
    public float EngineTrainerWithOneDnn()
    {
        // What FedSec no longer uses (oneDNN's convolutions are wrong on AVX-512 CPUs, see FedSec.Torch.OneDnn): the
        // speed given up by keeping it off. One benchmark at a time, so switching the process-wide setting races nothing.
        FedSec.Torch.OneDnn.TrySetEnabled(true);
        try
        {
            return EngineTrainer();
        }
        finally
        {
            FedSec.Torch.OneDnn.Disable();
        }
    }

    [Benchmark(Description = "FedSec LocalTrainer")]
    public float EngineTrainer()
    {
        var options = new LocalTrainingOptions { Epochs = 1, BatchSize = BatchSize, LearningRate = LearningRate };
        var result = _trainer.Train(_data, _global, options, new Random(_round), torchSeed: _round++, SyntheticMnist.Normalization);
        return result.Weights[0];
    }
}
