using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Privacy.SecureAggregation;

namespace FedSec.Bench;

/// <summary>
/// Secure aggregation split by who pays: the server's work in a round (adding the n masked vectors as they arrive,
/// reconstructing each survivor's self-mask seed from t shares, expanding and removing those n self masks,
/// dequantising) and one client's work (quantising its update, expanding its self mask and its 6 pairwise masks,
/// adding them), each against FedAvg's weighted mean of the same n × d updates. In a deployment the n clients mask in
/// parallel on their own machines, so the server's column is what the server's round costs and the client's column
/// what each client adds to its local training; <see cref="SecureAggregationBenchmark"/> runs the whole protocol in
/// one process, as the simulation does. SecAgg+ with 7 shares (3 neighbours each side), threshold 4, no dropout.
/// </summary>
[Config(typeof(SecureAggregationSidesBenchmark.Config))]
public class SecureAggregationSidesBenchmark
{
    private ClientUpdate[] _updates = [];
    private SecAggClient[] _clients = [];
    private uint[][] _masked = [];
    private RevealedShare[] _shares = [];
    private IReadOnlyDictionary<int, IReadOnlyList<int>> _neighbours = new Dictionary<int, IReadOnlyList<int>>();
    private float[] _global = [];
    private uint[] _quantised = [];
    private uint[] _into = [];
    private FixedPoint _fixedPoint = null!;

    [Params(10, 50, 100)]
    public int Clients { get; set; }

    [Params(272_000, 1_200_000)]
    public int Dimension { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_global, _updates) = NearbyUpdates.Create(Clients, Dimension);
        _fixedPoint = new FixedPoint(8, FixedPoint.DefaultRange(Clients));
        var ids = Enumerable.Range(0, Clients).ToArray();
        _neighbours = SecAggGraph.Neighbours(ids, 7, new Random(2));
        _clients = ids.Select(id => new SecAggClient(id, _neighbours[id], 4)).ToArray();
        var keys = _clients.Select(c => c.Advertise()).ToDictionary(k => k.Client);
        foreach (var message in _clients.SelectMany(c => c.ShareKeys(keys)).ToArray())
        {
            _clients[message.To].Receive(message);
        }

        double total = _updates.Sum(u => u.AggregationWeight);
        _quantised = new uint[Dimension];
        _into = new uint[Dimension];
        _masked = _updates.Select(u =>
        {
            _fixedPoint.Quantize(u.Delta(_global), u.AggregationWeight / total, _quantised);
            return _clients[u.ClientId].Mask(_quantised);
        }).ToArray();
        var survivors = ids.ToHashSet();
        _shares = _clients.SelectMany(c => c.Unmask(survivors)).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var c in _clients)
        {
            c.Dispose();
        }
    }

    [Benchmark(Baseline = true, Description = "FedAvg (weighted mean)")]
    public float[] FedAvg() => WeightedMean.Of(_updates);

    [Benchmark(Description = "secure aggregation: the server's round")]
    public float[] Server()
    {
        var server = new SecAggServer(Dimension, 4, _neighbours);
        foreach (var c in _clients)
        {
            server.ReceiveKeys(c.Advertise());
        }

        for (int i = 0; i < _masked.Length; i++)
        {
            server.ReceiveMaskedInput(i, _masked[i]);
        }

        var (sum, failure) = server.Unmask(_shares);
        var aggregate = new float[Dimension];
        _fixedPoint.Dequantize(sum ?? throw new InvalidOperationException(failure), Clients, aggregate);
        return aggregate;
    }

    [Benchmark(Description = "secure aggregation: one client's masking")]
    public uint[] Client()
    {
        double total = _updates.Sum(u => u.AggregationWeight);
        _fixedPoint.Quantize(_updates[0].Delta(_global), _updates[0].AggregationWeight / total, _quantised);
        _clients[0].Mask(_quantised, _into);
        return _into;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1).WithToolchain(InProcessEmitToolchain.Instance));
        }
    }
}
