using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Privacy.SecureAggregation;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Bench;

/// <summary>
/// One round of secure aggregation (every client's keys, shares and masking, the server's sum and unmasking, all in this
/// process, as the simulation runs it) against FedAvg's weighted mean of the same n × d updates. SecAgg+ with 7 shares
/// (3 neighbours on each side; Bell et al.'s O(log n) degree for these n); no dropout.
/// </summary>
[Config(typeof(SecureAggregationBenchmark.Config))]
public class SecureAggregationBenchmark
{
    private ClientUpdate[] _updates = [];
    private float[] _global = [];
    private SecureAggregationProtocol _protocol = null!;

    [Params(10, 50, 100)]
    public int Clients { get; set; }

    [Params(272_000, 1_200_000)]
    public int Dimension { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_global, _updates) = NearbyUpdates.Create(Clients, Dimension);
        _protocol = new SecureAggregationProtocol(
            new SecAggOptions { NumShares = 7, Threshold = 4, ClippingRange = 8, QuantizationRange = FixedPoint.DefaultRange(Clients) },
            () => []);
    }

    [Benchmark(Baseline = true, Description = "FedAvg (weighted mean)")]
    public float[] FedAvg() => WeightedMean.Of(_updates);

    [Benchmark(Description = "secure aggregation round (SecAgg+, 7 shares)")]
    public float[] Secure() => _protocol.Aggregate(_updates, Context()).Weights;

    private RoundContext Context() => new()
    {
        Round = 0,
        TotalRounds = 1,
        Global = _global,
        Layout = new ParameterLayout(new[] { ("w", (IReadOnlyList<long>)new long[] { Dimension }, ParameterKind.Trainable) }),
        SampledClients = Enumerable.Range(0, Clients).ToArray(),
        MaliciousClients = new HashSet<int>(),
        Seeds = new SeedStreams(1),
    };

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1).WithToolchain(InProcessEmitToolchain.Instance));
        }
    }
}
