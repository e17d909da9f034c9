using FedSec.Configuration;
using FedSec.Parameters;
using FedSec.Privacy.Accounting;
using FedSec.Privacy.DifferentialPrivacy;
using FedSec.Privacy.Tests.TestSupport;
using FedSec.Randomness;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Privacy.Tests.DifferentialPrivacy;

public class DpFedAvgTests
{
    private static ParameterLayout Flat(int d) => new(new[] { ("w", (IReadOnlyList<long>)new long[] { d }, ParameterKind.Trainable) });

    private static RoundContext Context(float[] global, int m, int round = 0, long seed = 1) => new()
    {
        Round = round,
        TotalRounds = 10,
        Global = global,
        Layout = Flat(global.Length),
        SampledClients = Enumerable.Range(0, m).ToArray(),
        MaliciousClients = new HashSet<int>(),
        Seeds = new SeedStreams(seed),
        TotalClients = 100,
    };

    private static ServerClippedDp Cdp(double z = 1, double clip = 1, bool adaptive = false, int perRound = 10) =>
        new(new DpOptions { NoiseMultiplier = z, ClippingNorm = clip, Adaptive = adaptive, ClippedCountStddev = adaptive ? 1 : null }, new ExperimentShape(100, perRound, 10));

    [Fact]
    public void ProcessUpdates_Cdp_EveryDeltaClippedToCAndWeightsEqual()
    {
        var global = new float[] { 1, 1, 1 };
        var updates = new[]
        {
            new ClientUpdate(0, 50, new float[] { 4, 5, 1 }),    // delta (3, 4, 0): norm 5 -> (0.6, 0.8, 0) with C = 1
            new ClientUpdate(1, 7, new float[] { 1.1f, 1, 1 }),  // delta (0.1, 0, 0): within C, unchanged
        };
        var result = Cdp().ProcessUpdates(updates, Context(global, 2));
        Assert.Equal(new[] { 1.6f, 1.8f, 1f }, result[0].Weights);
        Assert.Equal(updates[1].Weights, result[1].Weights);
        Assert.All(result, u => Assert.Equal(1, u.AggregationWeight));
    }

    [Fact]
    public void ProcessAggregate_NoiseStd_IsZTimesCOverM()
    {
        // sigma = z·C/m = 1.5·2/10 = 0.3, measured on 400 000 coordinates.
        var aggregate = new float[400_000];
        var context = Context(new float[aggregate.Length], 10);
        Cdp(z: 1.5, clip: 2).ProcessAggregate(aggregate, context);
        double std = Math.Sqrt(aggregate.Average(v => (double)v * v));
        Assert.InRange(std, 0.3 * 0.99, 0.3 * 1.01);
        Assert.Equal(0.3, context.Metrics["dp_noise_std"], 12);
    }

    [Fact]
    public void ProcessAggregate_TwoOfFourArrived_ChangeScaledByTwoQuartersBuffersKept()
    {
        // Fixed denominator: the mean of the 2 arrivals G + ΣΔ/2 becomes G + ΣΔ/4; the noise (z = 1e-9) is negligible.
        var layout = new ParameterLayout(new[]
        {
            ("w", (IReadOnlyList<long>)new long[] { 2 }, ParameterKind.Trainable),
            ("running_mean", (IReadOnlyList<long>)new long[] { 1 }, ParameterKind.Buffer),
        });
        var global = new float[] { 1, -2, 5 };
        var context = new RoundContext
        {
            Round = 0,
            TotalRounds = 1,
            Global = global,
            Layout = layout,
            SampledClients = [0, 1, 2, 3],
            MaliciousClients = new HashSet<int>(),
            Seeds = new SeedStreams(1),
            TotalClients = 4,
            Arrived = 2,
        };
        var aggregate = new float[] { 1.4f, -2.8f, 7 };
        Cdp(z: 1e-9, perRound: 4).ProcessAggregate(aggregate, context);
        Assert.Equal(1.2, aggregate[0], 5);
        Assert.Equal(-2.4, aggregate[1], 5);
        Assert.Equal(7f, aggregate[2]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(4)]
    public void ProcessAggregate_EverySampledClientArrived_MeanKept(int? arrived)
    {
        var context = Context(new float[] { 1, -2 }, 4);
        context.Arrived = arrived;
        var aggregate = new float[] { 1.4f, -2.8f };
        Cdp(z: 1e-9, perRound: 4).ProcessAggregate(aggregate, context);
        Assert.Equal(1.4, aggregate[0], 5);
        Assert.Equal(-2.8, aggregate[1], 5);
    }

    [Fact]
    public void ProcessAggregate_SecureNoise_DiffersFromTheSeededAndBetweenCallsWithZTimesCOverM()
    {
        var secure = new ServerClippedDp(new DpOptions { NoiseMultiplier = 1.5, ClippingNorm = 2, SecureNoise = true }, new ExperimentShape(100, 10, 10));
        float[] Noise(ServerClippedDp dp)
        {
            var a = new float[400_000];
            dp.ProcessAggregate(a, Context(new float[a.Length], 10, round: 2, seed: 7));
            return a;
        }

        var first = Noise(secure);
        Assert.NotEqual(Noise(Cdp(z: 1.5, clip: 2)), first);
        Assert.NotEqual(first, Noise(secure));
        Assert.InRange(Math.Sqrt(first.Average(v => (double)v * v)), 0.3 * 0.99, 0.3 * 1.01);
    }

    [Fact]
    public void ProcessAggregate_SameSeedAndRound_SameNoise_OtherRound_OtherNoise()
    {
        float[] Noise(int round, long seed)
        {
            var a = new float[1000];
            Cdp().ProcessAggregate(a, Context(new float[1000], 10, round, seed));
            return a;
        }

        Assert.Equal(Noise(2, 7), Noise(2, 7));
        Assert.NotEqual(Noise(2, 7), Noise(3, 7));
        Assert.NotEqual(Noise(2, 7), Noise(2, 8));
    }

    [Fact]
    public void ProcessAggregate_EachRound_ReportsTheAccountantsEpsilon()
    {
        var dp = Cdp(z: 1.1, perRound: 10);
        var context = Context(new float[10], 10, round: 0);
        dp.ProcessAggregate(new float[10], context);
        var second = Context(new float[10], 10, round: 1);
        dp.ProcessAggregate(new float[10], second);
        Assert.Equal(RdpAccountant.EpsilonAfter(1.1, 0.1, 1, 1e-5).Epsilon, context.Metrics["epsilon"], 12);
        Assert.Equal(RdpAccountant.EpsilonAfter(1.1, 0.1, 2, 1e-5).Epsilon, second.Metrics["epsilon"], 12);
    }

    [Fact]
    public void ProcessAggregate_AdaptiveWithEveryUpdateUnclipped_ShrinksTheClipNorm()
    {
        var dp = Cdp(z: 1, clip: 1, adaptive: true);
        var global = new float[4];
        var tiny = Enumerable.Range(0, 10).Select(i => new ClientUpdate(i, 10, new float[] { 0.01f, 0, 0, 0 })).ToArray();
        var context = Context(global, 10);
        dp.ProcessUpdates(tiny, context);
        dp.ProcessAggregate(new float[4], context);

        // b̃ = (10 + N(0, 1))/10 ≈ 1 ± 0.1 > γ = 0.5, so C shrinks by about exp(−0.2·0.5).
        Assert.True(dp.ClipNorm < 1, $"clip norm {dp.ClipNorm} should shrink below 1");
    }

    [Fact]
    public void Run_CdpInTheEngine_DefensesSeeClippedUpdatesAndEpsilonPerRound()
    {
        var setup = PrivacySetup.Bind(PrivacySetup.Yaml("noise_multiplier: 1\nclipping_norm: 0.5", clients: 4, perRound: 2, rounds: 3));
        var spy = new NormSpy();
        setup = setup with { Config = setup.Config with { EnableDefense = true, DefenseTypes = ["spy"] }, Defenses = [new FedSec.Setup.ConfiguredDefense("spy", spy, [])] };
        var result = new Experiment(setup, new StepBackend(d: 25, scale: 1), StepBackend.Data(4)).Run();

        // Client c steps every weight by c + 1 over 25 weights: norm 5(c + 1) > 0.5, so each arrives clipped to 0.5.
        Assert.All(spy.Norms, n => Assert.Equal(0.5, n, 5));
        for (int r = 0; r < 3; r++)
        {
            Assert.Equal(RdpAccountant.EpsilonAfter(1, 0.5, r + 1, 1e-5).Epsilon, result.Rounds[r].Metrics["epsilon"], 12);
        }
    }

    [Fact]
    public void Run_DpClip_ClientsClipButTheAttackersUpdateArrivesAsCrafted()
    {
        string extra = "attack_args:\n  enable_attack: true\n  attack_type: byzantine\n  attack_mode: random\n  byzantine_client_num: 1\n";
        var setup = PrivacySetup.Bind(PrivacySetup.Yaml("dp_solution_type: dp_clip\nnoise_multiplier: 1\nclipping_norm: 0.5", clients: 4, perRound: 4, extra: extra));
        var spy = new NormSpy();
        setup = setup with { Config = setup.Config with { EnableDefense = true, DefenseTypes = ["spy"] }, Defenses = [new FedSec.Setup.ConfiguredDefense("spy", spy, [])] };
        new Experiment(setup, new StepBackend(d: 25), StepBackend.Data(4)).Run();

        Assert.Equal(3, spy.Norms.Count(n => Math.Abs(n - 0.5) < 1e-5));
        Assert.Single(spy.Norms, n => n > 0.5 + 1e-3);
    }

    [Fact]
    public void Run_SameConfigAndSeed_SameModel()
    {
        float[] Final() =>
            new Experiment(PrivacySetup.Bind(PrivacySetup.Yaml("noise_multiplier: 1", clients: 4, perRound: 2, rounds: 2)), new StepBackend(d: 10), StepBackend.Data(4)).Run().FinalGlobal;

        Assert.Equal(Final(), Final());
    }

    [Fact]
    public void CheckInitialModel_CdpBeforeKrumOrWithBuffers_WarnsTheEpsilonIsNoGuarantee()
    {
        string extra = "defense_args:\n  enable_defense: true\n  defense_type: krum\n  byzantine_client_num: 1\n";
        var setup = PrivacySetup.Bind(PrivacySetup.Yaml("noise_multiplier: 1", clients: 6, perRound: 6, extra: extra));
        var warnings = new Experiment(setup, new StepBackend(d: 10, buffers: 2), StepBackend.Data(6)).CheckInitialModel();
        Assert.Contains(warnings, w => w.StartsWith("dp_args: the defense 'krum'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("dp_args: the model has 2 buffer values", StringComparison.Ordinal));
    }

    /// <summary>A before-aggregation defense that records the norm of every update it sees.</summary>
    private sealed class NormSpy : IBeforeAggregationDefense
    {
        public List<double> Norms { get; } = new();

        public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
        {
            foreach (var u in updates)
            {
                var d = u.Delta(context.Global.Span);
                Norms.Add(Math.Sqrt(d.Sum(v => (double)v * v)));
            }

            return DefenseOutcome.KeepAll(updates);
        }
    }

    [Fact]
    public void WriteStateReadState_AdaptiveCdp_ResumedInstanceGoesOnAsTheUninterruptedOne()
    {
        // A distributed server restarted from its checkpoint: the clip norm adaptive clipping moved and the accountant's
        // composed RDP must continue, or ε after a resume would restart at one round and the clip norm at its initial value.
        var global = new float[50];
        var updates = Enumerable.Range(0, 10).Select(i => new ClientUpdate(i, 5, Enumerable.Repeat(0.01f * i, 50).ToArray())).ToArray();
        var uninterrupted = Cdp(adaptive: true);
        var first = Cdp(adaptive: true);
        for (int r = 0; r < 3; r++)
        {
            uninterrupted.ProcessUpdates(updates, Context(global, 10, r));
            uninterrupted.ProcessAggregate(new float[50], Context(global, 10, r));
            first.ProcessUpdates(updates, Context(global, 10, r));
            first.ProcessAggregate(new float[50], Context(global, 10, r));
        }

        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            first.WriteState(writer);
        }

        var resumed = Cdp(adaptive: true);
        Assert.NotEqual(uninterrupted.ClipNorm, resumed.ClipNorm);
        buffer.Position = 0;
        resumed.ReadState(new BinaryReader(buffer));
        Assert.Equal(uninterrupted.ClipNorm, resumed.ClipNorm);

        var a = Context(global, 10, 3);
        var b = Context(global, 10, 3);
        uninterrupted.ProcessUpdates(updates, a);
        uninterrupted.ProcessAggregate(new float[50], a);
        resumed.ProcessUpdates(updates, b);
        resumed.ProcessAggregate(new float[50], b);
        Assert.Equal(a.Metrics["epsilon"], b.Metrics["epsilon"]);
        Assert.Equal(uninterrupted.ClipNorm, resumed.ClipNorm);

        // And what a fresh accountant says after one round is less: the state matters.
        var fresh = Context(global, 10, 0);
        Cdp(adaptive: true).ProcessAggregate(new float[50], fresh);
        Assert.True(fresh.Metrics["epsilon"] < b.Metrics["epsilon"]);
    }
}
