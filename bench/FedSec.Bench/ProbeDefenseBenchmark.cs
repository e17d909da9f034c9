using BenchmarkDotNet.Attributes;
using FedSec.Aggregation;
using FedSec.Data;
using FedSec.Defenses.DeepSight;
using FedSec.Defenses.Flare;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;
using FedSec.Torch.Models;
using FedSec.Torch.Simulation;

namespace FedSec.Bench;

/// <summary>
/// The defenses that run the clients' models rather than read their vectors, whose cost is forward passes and not
/// O(n·d): FLARE (each of the n models and the global one on the 100 held-out samples, penultimate features, MMDs) and
/// DeepSight (the n models and the global one on its random images, 3 seeds × 20 000 by default, and 2 000 as the
/// durability grid runs it), next to FedAvg's weighted mean of the same n updates, through the engine's own probe
/// (<see cref="TorchModelBackend"/>, one tensor thread unless <c>--threads</c> says otherwise). The updates are the
/// initial model plus small seeded noise; what is timed does not depend on their values.
/// </summary>
[Config(typeof(ProbeDefenseConfig))]
public class ProbeDefenseBenchmark : IDisposable
{
    private static readonly DatasetInfo MnistLike = new("mnist_like", 1, 28, 28, 10, [0.1307f], [0.3081f]);

    private TorchModelBackend _backend = null!;
    private ClientUpdate[] _updates = null!;
    private RoundContext _context = null!;
    private FlareDefense _flare = null!;
    private DeepSightDefense _deepSight = null!;
    private DeepSightDefense _deepSightSmall = null!;

    [Params(10)]
    public int N { get; set; }

    // LeNet-5 (61 706 parameters, the durability grid's); FedML's cnn takes ~36 s per DeepSight call with 2 000 images
    // (docs/performance.md), so its paper setting would take the benchmark half an hour: `[Params("lenet5", "cnn")]` for it.
    [Params("lenet5")]
    public string Model { get; set; } = "lenet5";

    [GlobalSetup]
    public void Setup()
    {
        ProcessNiceness.Restore();
        _backend = new TorchModelBackend(ModelCatalog.CreateBuiltIn().Get(Model), MnistLike);
        var global = _backend.InitialWeights(1);
        var random = new Random(2);
        _updates = Enumerable.Range(0, N)
            .Select(i => new ClientUpdate(i, 100, global.Select(w => w + (float)((random.NextDouble() - 0.5) * 0.01)).ToArray()))
            .ToArray();
        _context = new RoundContext
        {
            Round = 0,
            TotalRounds = 1,
            Global = global,
            Layout = _backend.Layout,
            SampledClients = Enumerable.Range(0, N).ToArray(),
            MaliciousClients = new HashSet<int>(),
            Seeds = new SeedStreams(1),
            TotalClients = N,
            Probe = _backend,
            ServerSamples = SyntheticMnist.Create(100, seed: 3),
            Buffers = new RoundBuffers(),
        };
        _flare = new FlareDefense(new FlareOptions());
        _deepSight = new DeepSightDefense(new DeepSightOptions());
        _deepSightSmall = new DeepSightDefense(new DeepSightOptions { NumSamples = 2000 });
    }

    public void Dispose()
    {
        _backend?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "FedAvg")]
    public float FedAvg() => WeightedMean.Of(_updates)[0];

    [Benchmark(Description = "FLARE (100 held-out samples)")]
    public float Flare() => _flare.DefendOnAggregation(_updates, _context).Weights[0];

    [Benchmark(Description = "DeepSight (3 × 2 000 random images)")]
    public float DeepSightSmall() => _deepSightSmall.DefendOnAggregation(_updates, _context).Weights[0];

    [Benchmark(Description = "DeepSight (3 × 20 000 random images, the paper's)")]
    public float DeepSight() => _deepSight.DefendOnAggregation(_updates, _context).Weights[0];
}
