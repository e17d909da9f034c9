using BenchmarkDotNet.Attributes;
using FedSec.Aggregation;
using FedSec.Attacks.Alie;
using FedSec.Attacks.Ipm;
using FedSec.Attacks.Optimal;
using FedSec.Defenses.Auror;
using FedSec.Defenses.Bulyan;
using FedSec.Defenses.CenteredClipping;
using FedSec.Defenses.Krum;
using FedSec.Defenses.Lasa;
using FedSec.Defenses.Median;
using FedSec.Defenses.NormDiffClipping;
using FedSec.Defenses.Rfa;
using FedSec.Defenses.Rflbat;
using FedSec.Defenses.TrimmedMean;
using FedSec.Randomness;
using FedSec.Stages;
using static TorchSharp.torch;

namespace FedSec.Bench;

/// <summary>
/// The aggregation kernels on an n × d matrix of float32 client models, each through the code path the engine runs:
/// FedAvg's weighted mean (the baseline), the defenses' own entry points (Krum, coordinate-wise median, trimmed mean
/// β = 0.1, norm-difference clipping, RFA's geometric median, Bulyan, centered clipping) and the ALIE and IPM attacks'
/// (<c>AttackModel</c>, 10 % of the clients malicious). Yardsticks on the same matrix: one read of every update (the
/// floor of any rule, <see cref="MatrixRead"/>), TorchSharp's mean over the clients and X·Xᵀ (for the pairwise
/// distances), and a plain copy of every update (the floor of a rule that returns a new vector per client), into new
/// arrays and into the run's reused round buffers; clipping runs both ways too. d = 272 474 is ResNet-20's trainable
/// parameter count. Each invocation also records its process CPU time (<see cref="CpuTimes"/>).
/// </summary>
[Config(typeof(AggregationConfig))]
public class AggregationBenchmark
{
    private AggregationMatrix _matrix = null!;
    private RoundContext _context = null!;
    private KrumDefense _krum = null!;
    private MedianDefense _median = null!;
    private TrimmedMeanDefense _trimmedMean = null!;
    private NormDiffClippingDefense _clipping = null!;
    private RfaDefense _rfa = null!;
    private BulyanDefense _bulyan = null!;
    private RoundBuffers _buffers = null!;
    private RoundContext _freshContext = null!;
    private RoundContext _attackContext = null!;
    private CenteredClippingDefense _centeredClipping = null!;
    private AlieAttack _alie = null!;
    private IpmAttack _ipm = null!;
    private RflbatDefense _rflbat = null!;
    private LasaDefense _lasa = null!;
    private AurorDefense _aurorAll = null!;
    private OptimalIpmAttack _optimalIpm = null!;
    private double[] _weights = null!;
    private float[] _reused = null!;

    [Params(10, 50, 100)]
    public int N { get; set; }

    [Params(272_474, 2_000_000)]
    public int D { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ProcessNiceness.Restore();
        _matrix = AggregationMatrix.For(N, D);
        _buffers = new RoundBuffers();
        _weights = _matrix.Updates.Select(u => u.AggregationWeight).ToArray();
        _reused = new float[D];
        _context = new RoundContext
        {
            Buffers = _buffers,
            Round = 0,
            TotalRounds = 1,
            Global = _matrix.Global,
            Layout = _matrix.Layout,
            SampledClients = Enumerable.Range(0, N).ToArray(),
            MaliciousClients = new HashSet<int>(),
            Seeds = new SeedStreams(1),
            TotalClients = N,
        };

        // The same round without the shared buffers: every clipped update in a new array, as before round buffers.
        _freshContext = new RoundContext
        {
            Round = 0,
            TotalRounds = 1,
            Global = _matrix.Global,
            Layout = _matrix.Layout,
            SampledClients = _context.SampledClients,
            MaliciousClients = _context.MaliciousClients,
            Seeds = _context.Seeds,
            TotalClients = N,
        };
        // The attacks' round: the first 10 % of the clients (at least one) are malicious.
        int malicious = Math.Max(1, N / 10);
        _attackContext = new RoundContext
        {
            Buffers = _buffers,
            Round = 0,
            TotalRounds = 1,
            Global = _matrix.Global,
            Layout = _matrix.Layout,
            SampledClients = _context.SampledClients,
            MaliciousClients = new HashSet<int>(Enumerable.Range(0, malicious)),
            Seeds = _context.Seeds,
            TotalClients = N,
        };
        _alie = new AlieAttack(new AlieOptions { ClientNum = malicious });
        _ipm = new IpmAttack(new IpmOptions { ClientNum = malicious });

        // τ = 1 is below every update's distance to the centre (≈ 0.0115·√d), so every update is clipped.
        _centeredClipping = new CenteredClippingDefense(new CenteredClippingOptions { Tau = 1.0 });
        _krum = new KrumDefense(new KrumOptions { ByzantineClientNum = 1, M = 1 });
        _median = new MedianDefense();
        _trimmedMean = new TrimmedMeanDefense(new TrimmedMeanOptions { Beta = 0.1 });

        // Every update is longer than the bound (‖Δ‖ ≈ 0.0115·√d ≥ 6), so every one is clipped: the worst case.
        _clipping = new NormDiffClippingDefense(new NormDiffClippingOptions { NormBound = 1.0 });
        _rfa = new RfaDefense(new RfaOptions());
        _bulyan = new BulyanDefense(new BulyanOptions { ByzantineClientNum = 1 });

        // The defenses above O(n·d) added with issue 14, with their defaults (Auror over every coordinate).
        _rflbat = new RflbatDefense(new RflbatOptions());
        _lasa = new LasaDefense(new LasaOptions());
        _aurorAll = new AurorDefense(new AurorOptions { Feature = AurorFeature.All });
        _optimalIpm = new OptimalIpmAttack(new OptimalOptions { ClientNum = malicious });
    }

    [Benchmark(Baseline = true, Description = "FedAvg")]
    public float FedAvg() => Cpu(nameof(FedAvg), () => WeightedMean.Of(_matrix.Updates)[0]);

    [Benchmark(Description = "FedAvg into a reused vector")]
    public float FedAvgReused() => Cpu(nameof(FedAvgReused), () =>
    {
        // The kernel alone: the same weighted mean written into memory the process already has, instead of a fresh
        // result array whose first-touch page faults cost as much as reading the matrix at n = 10.
        WeightedMean.Compute(_matrix.Vectors, _weights, _reused);
        return _reused[0];
    });

    [Benchmark(Description = "read every update once")]
    public double ReadOnce() => Cpu(nameof(ReadOnce), () => MatrixRead.Sum(_matrix.Vectors));

    [Benchmark(Description = "torch mean")]
    public float TorchMean() => Cpu(nameof(TorchMean), () =>
    {
        using var mean = _matrix.Tensor.mean([0]);
        return mean[0].item<float>();
    });

    [Benchmark(Description = "torch X·Xᵀ")]
    public float TorchGram() => Cpu(nameof(TorchGram), () =>
    {
        using var gram = mm(_matrix.Tensor, _matrix.Tensor.t());
        return gram[0, 0].item<float>();
    });

    [Benchmark(Description = "copy of every update")]
    public int Copy() => Cpu(nameof(Copy), () =>
    {
        // The floor of any rule that returns a new vector per client (clipping): allocate and write n × d floats.
        var copies = new float[N][];
        Parallel.For(0, N, i => copies[i] = _matrix.Vectors[i].ToArray());
        return copies.Length;
    });

    [Benchmark(Description = "copy into round buffers")]
    public int CopyIntoRoundBuffers() => Cpu(nameof(CopyIntoRoundBuffers), () =>
    {
        // The floor of such a rule in an experiment: the vectors come from the run's RoundBuffers, recycled each round.
        var copies = new float[N][];
        Parallel.For(0, N, i =>
        {
            copies[i] = _buffers.Rent(D);
            _matrix.Vectors[i].CopyTo(copies[i], 0);
        });
        _buffers.Recycle();
        return copies.Length;
    });

    [Benchmark(Description = "Krum")]
    public int Krum() => Cpu(nameof(Krum), () => _krum.DefendBeforeAggregation(_matrix.Updates, _context).Updates.Count);

    [Benchmark(Description = "median")]
    public float Median() => Cpu(nameof(Median), () => _median.DefendOnAggregation(_matrix.Updates, _context).Weights[0]);

    [Benchmark(Description = "trimmed mean")]
    public float TrimmedMean() => Cpu(nameof(TrimmedMean), () => _trimmedMean.DefendOnAggregation(_matrix.Updates, _context).Weights[0]);

    [Benchmark(Description = "norm-diff clipping")]
    public int Clipping() => Cpu(nameof(Clipping), () =>
    {
        // As in an experiment: the clipped updates are written into the run's round buffers, which the engine recycles
        // when the round ends.
        int count = _clipping.DefendBeforeAggregation(_matrix.Updates, _context).Updates.Count;
        _buffers.Recycle();
        return count;
    });

    [Benchmark(Description = "norm-diff clipping, fresh arrays")]
    public int ClippingFreshArrays() => Cpu(nameof(ClippingFreshArrays), () => _clipping.DefendBeforeAggregation(_matrix.Updates, _freshContext).Updates.Count);

    [Benchmark(Description = "RFA")]
    public float Rfa() => Cpu(nameof(Rfa), () => _rfa.DefendOnAggregation(_matrix.Updates, _context).Weights[0]);

    [Benchmark(Description = "Bulyan")]
    public float Bulyan() => Cpu(nameof(Bulyan), () => _bulyan.DefendOnAggregation(_matrix.Updates, _context).Weights[0]);

    [Benchmark(Description = "centered clipping")]
    public float CenteredClipping() => Cpu(nameof(CenteredClipping), () => _centeredClipping.DefendOnAggregation(_matrix.Updates, _context).Weights[0]);

    [Benchmark(Description = "ALIE")]
    public int Alie() => Cpu(nameof(Alie), () => _alie.AttackModel(_matrix.Updates, _attackContext).Count);

    [Benchmark(Description = "IPM")]
    public int Ipm() => Cpu(nameof(Ipm), () => _ipm.AttackModel(_matrix.Updates, _attackContext).Count);

    [Benchmark(Description = "RFLBAT")]
    public int Rflbat() => Cpu(nameof(Rflbat), () => _rflbat.DefendBeforeAggregation(_matrix.Updates, _context).Updates.Count);

    [Benchmark(Description = "LASA")]
    public float Lasa() => Cpu(nameof(Lasa), () =>
    {
        float first = _lasa.DefendOnAggregation(_matrix.Updates, _context).Weights[0];
        _buffers.Recycle();
        return first;
    });

    [Benchmark(Description = "Auror, every coordinate")]
    public int AurorAll() => Cpu(nameof(AurorAll), () =>
    {
        int count = _aurorAll.DefendBeforeAggregation(_matrix.Updates, _context).Updates.Count;
        _buffers.Recycle();
        return count;
    });

    [Benchmark(Description = "optimal IPM against FedAvg")]
    public int OptimalIpm() => Cpu(nameof(OptimalIpm), () => _optimalIpm.AttackModel(_matrix.Updates, _attackContext).Count);

    private T Cpu<T>(string method, Func<T> work) => CpuTimes.Measure(method, N, D, work);
}
