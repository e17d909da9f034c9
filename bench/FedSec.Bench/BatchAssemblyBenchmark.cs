using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using FedSec.Data;
using FedSec.Randomness;
using static TorchSharp.torch;

namespace FedSec.Bench;

/// <summary>
/// Assembling one epoch of shuffled, normalised batches (2 000 MNIST-shaped samples, batch 32) without training:
/// copying each batch's pixels into a reused array and making a tensor of it, against loading the client's images
/// into one tensor, normalising once, and gathering each epoch with index_select.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class BatchAssemblyBenchmark
{
    private const int Samples = 2000;
    private const int BatchSize = 32;

    private ImageSet _data = null!;
    private int[] _order = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticMnist.Create(Samples, seed: 2);
        _order = new Random(3).Permutation(Samples);
    }

    [Benchmark(Baseline = true, Description = "copy batch to float[] + torch.tensor")]
    public double CopyPerBatch()
    {
        using var mean = tensor(new[] { 0.1307f }, [1, 1, 1, 1]);
        using var std = tensor(new[] { 0.3081f }, [1, 1, 1, 1]);
        int size = _data.ImageSize;
        var pixels = new float[BatchSize * size];
        double sum = 0;
        for (int start = 0; start < Samples; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            int count = Math.Min(BatchSize, Samples - start);
            for (int i = 0; i < count; i++)
            {
                _data.Image(_order[start + i]).CopyTo(pixels.AsSpan(i * size, size));
            }

            var x = (tensor(pixels.AsSpan(0, count * size).ToArray(), [count, 1, 28, 28]) - mean) / std;
            sum += x[0, 0, 0, 0].item<float>();
        }

        return sum;
    }

    [Benchmark(Description = "preload + normalise once + index_select/narrow")]
    public double GatherPerEpoch()
    {
        using var scope = NewDisposeScope();
        var all = empty([Samples, 1, 28, 28]);
        _data.Pixels.AsSpan().CopyTo(MemoryMarshal.Cast<byte, float>(all.bytes));
        all.sub_(tensor(new[] { 0.1307f }, [1, 1, 1, 1])).div_(tensor(new[] { 0.3081f }, [1, 1, 1, 1]));
        var epoch = all.index_select(0, tensor(_order.Select(i => (long)i).ToArray()));
        double sum = 0;
        for (int start = 0; start < Samples; start += BatchSize)
        {
            using var stepScope = NewDisposeScope();
            var x = epoch.narrow(0, start, Math.Min(BatchSize, Samples - start));
            sum += x[0, 0, 0, 0].item<float>();
        }

        return sum;
    }
}
