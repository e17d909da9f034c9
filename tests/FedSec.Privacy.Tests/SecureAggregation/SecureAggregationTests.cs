using FedSec.Data;
using FedSec.Parameters;
using FedSec.Privacy.SecureAggregation;
using FedSec.Privacy.Tests.TestSupport;
using FedSec.Randomness;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Privacy.Tests.SecureAggregation;

public class SecureAggregationTests
{
    private static ParameterLayout Flat(int d) => new(new[] { ("w", (IReadOnlyList<long>)new long[] { d }, ParameterKind.Trainable) });

    private static RoundContext Context(float[] global, int m, long seed = 1) => new()
    {
        Round = 0,
        TotalRounds = 1,
        Global = global,
        Layout = Flat(global.Length),
        SampledClients = Enumerable.Range(0, m).ToArray(),
        MaliciousClients = new HashSet<int>(),
        Seeds = new SeedStreams(seed),
    };

    private static ClientUpdate[] Updates(int n, float[] global, int seed = 3)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n)
            .Select(i => new ClientUpdate(i, 5 + (7 * i), global.Select(g => g + (float)((rng.NextDouble() * 2) - 1)).ToArray()))
            .ToArray();
    }

    private static SecureAggregationProtocol Protocol(int m, int? shares = null, int? threshold = null, double dropout = 0) =>
        new(new SecAggOptions { NumShares = shares ?? m, Threshold = threshold ?? ((shares ?? m) / 2) + 1, ClippingRange = 8, QuantizationRange = FixedPoint.DefaultRange(m), DropoutRate = dropout }, () => []);

    private static void AssertFedAvgWithinQuantisation(IReadOnlyList<ClientUpdate> survivors, float[] aggregate, int m, double survivingShare)
    {
        var fedAvg = FedSec.Aggregation.WeightedMean.Of(survivors);
        // Each survivor's value is off by at most step/2 (step = 2c/Q); the sum over s survivors, divided by their share of the weight.
        double step = 16.0 / FixedPoint.DefaultRange(m);
        double bound = (survivors.Count * step / 2 / survivingShare) + 1e-6;
        for (int i = 0; i < fedAvg.Length; i++)
        {
            Assert.True(Math.Abs(fedAvg[i] - aggregate[i]) <= bound, $"coordinate {i}: {aggregate[i]} vs FedAvg {fedAvg[i]}, bound {bound}");
        }
    }

    [Theory]
    [InlineData(5, null)]     // SecAgg: every pair
    [InlineData(7, 3)]        // SecAgg+: a ring, one neighbour on each side
    public void Aggregate_NoDropout_IsFedAvgWithinTheQuantisationError(int n, int? shares)
    {
        var global = Enumerable.Range(0, 300).Select(i => (float)Math.Sin(i)).ToArray();
        var updates = Updates(n, global);
        var outcome = Protocol(n, shares).Aggregate(updates, Context(global, n));
        Assert.Null(outcome.Failure);
        AssertFedAvgWithinQuantisation(updates, outcome.Weights, n, 1.0);
    }

    [Fact]
    public void Aggregate_DropoutsAboveTheThreshold_MasksRemovedAndIsFedAvgOfTheSurvivors()
    {
        int n = 8;
        var global = new float[200];
        var updates = Updates(n, global);
        var context = Context(global, n, seed: 11);
        var outcome = Protocol(n, threshold: 4, dropout: 0.3).Aggregate(updates, context);

        // The same seeded draws as the protocol: one per update, in order.
        var draw = new SeedStreams(11).Random("secagg-dropout", 0);
        var survivors = updates.Where(_ => draw.NextDouble() >= 0.3).ToArray();
        Assert.InRange(survivors.Length, 4, n - 1);
        Assert.Null(outcome.Failure);
        Assert.Equal(n - survivors.Length, context.Metrics["secagg_dropped"]);
        double share = survivors.Sum(u => u.AggregationWeight) / updates.Sum(u => u.AggregationWeight);
        AssertFedAvgWithinQuantisation(survivors, outcome.Weights, n, share);
    }

    [Fact]
    public void Aggregate_DropoutsBelowTheThreshold_FailsSayingWhy()
    {
        var global = new float[20];
        var outcome = Protocol(6, threshold: 6, dropout: 0.5).Aggregate(Updates(6, global), Context(global, 6, seed: 2));
        Assert.NotNull(outcome.Failure);
        Assert.Contains("reconstruction_threshold is 6", outcome.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregate_FewerUpdatesThanTheThreshold_FailsTheRoundSayingWhy()
    {
        // 6 sampled, t = 4, but only 3 updates reached the server (the others diverged or timed out).
        var global = new float[20];
        var context = Context(global, 6);
        var outcome = Protocol(6, threshold: 4).Aggregate(Updates(3, global), context);
        Assert.Equal("only 3 of the round's 6 clients sent an update, below reconstruction_threshold 4; the masks could not be shared", outcome.Failure);
        Assert.Equal(global, outcome.Weights);
    }

    [Fact]
    public void Aggregate_ValuesBeyondTheClippingRange_CountedAsSaturated()
    {
        var global = new float[4];
        var updates = new[] { new ClientUpdate(0, 1, new float[] { 100, 0, 0, 0 }), new ClientUpdate(1, 1, new float[] { 0, 0, 0, 0 }) };
        var context = Context(global, 2);
        Protocol(2).Aggregate(updates, context);
        Assert.Equal(1, context.Metrics["secagg_saturated"]);   // 100 · ½ = 50 > c = 8
    }

    [Fact]
    public void ReceiveMaskedInput_WrongLength_RefusedNamingTheClient()
    {
        var server = new SecAggServer(10, 2, new Dictionary<int, IReadOnlyList<int>> { [4] = [5], [5] = [4] });
        var e = Assert.Throws<InvalidUpdateException>(() => server.ReceiveMaskedInput(4, new uint[9]));
        Assert.Equal("Secure aggregation: client 4's masked vector has 9 values; this round's vectors have 10.", e.Message);
    }

    [Fact]
    public void Run_InTheEngine_DropoutBelowThresholdRecordedAndTheRunGoesOn()
    {
        string yaml = "train_args:\n  client_num_in_total: 4\n  client_num_per_round: 4\n  comm_round: 3\nsecure_aggregation_args:\n  enable_secure_aggregation: true\n  reconstruction_threshold: 4\n  dropout_rate: 0.4\n";
        var result = new Experiment(PrivacySetup.Bind(yaml), new StepBackend(d: 8, scale: 0.01f), StepBackend.Data(4)).Run();
        Assert.Equal(3, result.Rounds.Count);
        Assert.Contains(result.Rounds, r => r.Failure is not null && r.Failure.StartsWith("secure_aggregation_args: only", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("reconstruction_threshold: 5", "secure_aggregation_args.reconstruction_threshold: 5 is above the 4 shares")]
    [InlineData("num_shares: 6", "secure_aggregation_args.num_shares: 6 shares need 6 clients, but client_num_per_round is 4")]
    [InlineData("quantization_range: 2000000000", "secure_aggregation_args.quantization_range: 2000000000 · 4 clients per round reaches 2^32")]
    public void Bind_BadSetting_NamesTheKey(string line, string expected)
    {
        string yaml = $"train_args:\n  client_num_in_total: 4\n  client_num_per_round: 4\nsecure_aggregation_args:\n  enable_secure_aggregation: true\n  {line}\n";
        Assert.StartsWith(expected, Assert.Single(PrivacySetup.Fails(yaml).Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_WithKrum_ConfigErrorListingTheCompatibleDefenses()
    {
        string yaml = "train_args:\n  client_num_in_total: 6\n  client_num_per_round: 6\nsecure_aggregation_args:\n  enable_secure_aggregation: true\ndefense_args:\n  enable_defense: true\n  defense_type: krum\n  byzantine_client_num: 1\n";
        var problem = Assert.Single(PrivacySetup.Fails(yaml).Problems);
        Assert.Equal("defense_args.defense_type", problem.Key);
        Assert.StartsWith("'krum' reads each client's update, which secure aggregation hides", problem.Message, StringComparison.Ordinal);
        Assert.Contains("(crfl, weak_dp)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_WithServerClippedDp_SaysToUseDpClip()
    {
        string yaml = "train_args:\n  client_num_in_total: 6\n  client_num_per_round: 6\nsecure_aggregation_args:\n  enable_secure_aggregation: true\ndp_args:\n  enable_dp: true\n  noise_multiplier: 1\n";
        var problem = Assert.Single(PrivacySetup.Fails(yaml).Problems);
        Assert.Equal("dp_args.dp_solution_type", problem.Key);
        Assert.Contains("use dp_clip", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DpClipWithDropouts_ChangeDividedByTheSampledCount()
    {
        // Every client steps by 0.01 on each coordinate. With s of the 4 sampled clients surviving, DP-FedAvg's
        // fixed-denominator estimator moves the model by 0.01·s/4 (the survivors' mean would move it by 0.01, and
        // its sensitivity C/s would exceed the C/4 the noise is scaled to); z = 1e-9 makes the noise negligible.
        string yaml = "train_args:\n  client_num_in_total: 4\n  client_num_per_round: 4\n  comm_round: 1\nsecure_aggregation_args:\n  enable_secure_aggregation: true\n  reconstruction_threshold: 2\n  dropout_rate: 0.3\ndp_args:\n  enable_dp: true\n  dp_solution_type: dp_clip\n  noise_multiplier: 0.000000001\n";
        var clients = Enumerable.Range(0, 4).Select(_ => new ImageSet(new float[10 * 4], Enumerable.Repeat(1, 10).ToArray(), 1, 2, 2, 10)).ToArray();
        var data = new ExperimentData(clients, new ImageSet(new float[4], new[] { 0 }, 1, 2, 2, 10));
        var result = new Experiment(PrivacySetup.Bind(yaml), new StepBackend(d: 8, scale: 0.01f), data).Run();
        var round = Assert.Single(result.Rounds);
        Assert.Null(round.Failure);
        double dropped = round.Metrics["secagg_dropped"];
        Assert.InRange(dropped, 1, 2); // this seed's draws drop some clients
        Assert.All(result.FinalGlobal, w => Assert.Equal(0.01 * (4 - dropped) / 4, w, 5));
    }

    [Fact]
    public void Run_DpClipWithSecureAggregation_RunsAndReportsEpsilon()
    {
        string yaml = "train_args:\n  client_num_in_total: 4\n  client_num_per_round: 4\n  comm_round: 2\nsecure_aggregation_args:\n  enable_secure_aggregation: true\ndp_args:\n  enable_dp: true\n  dp_solution_type: dp_clip\n  noise_multiplier: 1\n";
        var result = new Experiment(PrivacySetup.Bind(yaml), new StepBackend(d: 8, scale: 0.01f), StepBackend.Data(4)).Run();
        Assert.True(result.Rounds[1].Metrics["epsilon"] > 0);
        Assert.All(result.Rounds, r => Assert.Null(r.Failure));
    }
}
