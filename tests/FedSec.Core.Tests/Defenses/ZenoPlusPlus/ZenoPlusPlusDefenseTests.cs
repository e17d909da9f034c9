using FedSec.Attacks.Byzantine;
using FedSec.Configuration;
using FedSec.Core.Tests.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Defenses.ZenoPlusPlus;
using FedSec.Setup;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.ZenoPlusPlus;

public sealed class ZenoPlusPlusDefenseTests
{
    private static RoundContext Context(float[] global, Func<float[]> serverModel, int round = 0, Action? onTrain = null)
    {
        var plain = Fixtures.Context(global, Enumerable.Range(0, 6), round: round);
        return new RoundContext
        {
            Round = round,
            TotalRounds = 20,
            Global = plain.Global,
            Layout = plain.Layout,
            SampledClients = plain.SampledClients,
            MaliciousClients = plain.MaliciousClients,
            Seeds = plain.Seeds,
            ServerTrainer = _ =>
            {
                onTrain?.Invoke();
                return new ServerTraining(serverModel(), null);
            },
        };
    }

    [Fact]
    public void Defend_HandCase_NormalisesScoresAndAppliesAsThePaper()
    {
        // η = γ = 0.5, G = 0, server model (−1, 0): v = (G − w_s)/η = (2, 0), ‖v‖ = 2. ρ = 0.1, ε = 1 (−γε = −0.5).
        // Client 0: w = (−0.5, −0.5), g = (1, 1) → g̃ = (√2, √2): score 0.5·2√2 − 0.1·4 = 1.0142 → kept, applied as −η·g̃.
        // Client 1: w = (1, 0), g = (−2, 0) = g̃: score 0.5·(−4) − 0.4 = −2.4 < −0.5 → removed.
        // Client 2: w = (0, 1), g = (0, −2) = g̃: score 0 − 0.4 = −0.4 ≥ −0.5 → kept (ε's tolerance).
        var defense = new ZenoPlusPlusDefense(new ZenoPlusPlusOptions { LearningRate = 0.5, Rho = 0.1, Epsilon = 1 });
        var updates = new[] { Fixtures.Update(0, -0.5f, -0.5f), Fixtures.Update(1, 1, 0), Fixtures.Update(2, 0, 1) };

        var outcome = defense.DefendBeforeAggregation(updates, Context(new float[] { 0, 0 }, () => new float[] { -1, 0 }));

        Assert.Equal(new[] { 0, 2 }, outcome.Updates.Select(u => u.ClientId));
        Assert.Equal(new[] { VerdictKind.Modified, VerdictKind.Removed, VerdictKind.Modified }, outcome.Verdicts.Select(v => v.Kind));
        Assert.Equal(0.5 * 2 * Math.Sqrt(2) - 0.4, outcome.Verdicts[0].Score!.Value, 5);
        Assert.Equal(-2.4, outcome.Verdicts[1].Score!.Value, 5);
        Assert.Equal(-0.4, outcome.Verdicts[2].Score!.Value, 5);
        Assert.Equal(-Math.Sqrt(2) / 2, outcome.Updates[0].Weights[0], 5);
        Assert.Equal(-Math.Sqrt(2) / 2, outcome.Updates[0].Weights[1], 5);
        Assert.Equal(new float[] { 0, 1 }, outcome.Updates[1].Weights);
    }

    [Fact]
    public void Defend_WithoutNormalisation_ScoresTheGradientAsSent()
    {
        // v = (2, 0); client w = (−2, 0): g = (4, 0): score 0.5·8 − 0.1·16 = 2.4 (normalised it would be 2 − 0.4 = 1.6).
        var defense = new ZenoPlusPlusDefense(new ZenoPlusPlusOptions { LearningRate = 0.5, Rho = 0.1, Normalize = false });
        var outcome = defense.DefendBeforeAggregation(new[] { Fixtures.Update(0, -2, 0) }, Context(new float[] { 0, 0 }, () => new float[] { -1, 0 }));
        Assert.Equal(2.4, Assert.Single(outcome.Verdicts).Score!.Value, 5);
        Assert.Equal(VerdictKind.Kept, outcome.Verdicts[0].Kind);
        Assert.Equal(new float[] { -2, 0 }, Assert.Single(outcome.Updates).Weights);
    }

    [Fact]
    public void Defend_LazyRefresh_ComputesVEveryKStepsAndKeepsItBetween()
    {
        // k = 3: v computed at steps 0, 3 and 6. At steps 1 and 2 the server's model would point the other way, but the
        // v of step 0 (= (2, 0)) still scores the update (−1, 0) positive.
        var defense = new ZenoPlusPlusDefense(new ZenoPlusPlusOptions { LearningRate = 0.5, RefreshSteps = 3 });
        int trained = 0;
        var refreshedAt = new List<int>();
        for (int step = 0; step < 7; step++)
        {
            var server = step == 0 ? new float[] { -1, 0 } : new float[] { 1, 0 };
            var outcome = defense.DefendBeforeAggregation(new[] { Fixtures.Update(0, -1, 0) }, Context(new float[] { 0, 0 }, () => server, step, () => trained++));
            refreshedAt.Add(defense.RefreshedAt);
            if (step is 1 or 2)
            {
                Assert.False(Assert.Single(outcome.Verdicts).Flagged);
            }
        }

        Assert.Equal(3, trained);
        Assert.Equal(new[] { 0, 0, 0, 3, 3, 3, 6 }, refreshedAt);
    }

    [Fact]
    public void ReadState_ResumedRun_ScoresAgainstTheSavedVAndRefreshesAtTheSameSteps()
    {
        // k = 3, v = (2, 0) from step 0. A run checkpointed after step 1 and resumed at step 2 must score step 2 with that v
        // (the server's model now points the other way: a fresh v would be (−2, 0) and flag the update) and refresh at 3.
        var options = new ZenoPlusPlusOptions { LearningRate = 0.5, RefreshSteps = 3 };
        var before = new ZenoPlusPlusDefense(options);
        var update = new[] { Fixtures.Update(0, -1, 0) };
        before.DefendBeforeAggregation(update, Context(new float[] { 0, 0 }, () => new float[] { -1, 0 }, 0));
        before.DefendBeforeAggregation(update, Context(new float[] { 0, 0 }, () => new float[] { 1, 0 }, 1));
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            before.WriteState(writer);
        }

        var resumed = new ZenoPlusPlusDefense(options);
        stream.Position = 0;
        using (var reader = new BinaryReader(stream))
        {
            resumed.ReadState(reader);
        }

        int trained = 0;
        var atTwo = resumed.DefendBeforeAggregation(update, Context(new float[] { 0, 0 }, () => new float[] { 1, 0 }, 2, () => trained++));
        Assert.Equal(0, trained);
        Assert.Equal(0, resumed.RefreshedAt);
        Assert.Equal(0.5 * 2 * 2 - (0.001 * 4), Assert.Single(atTwo.Verdicts).Score!.Value, 5);
        Assert.False(atTwo.Verdicts[0].Flagged);

        var fresh = new ZenoPlusPlusDefense(options).DefendBeforeAggregation(update, Context(new float[] { 0, 0 }, () => new float[] { 1, 0 }, 2));
        Assert.True(Assert.Single(fresh.Verdicts).Flagged);

        resumed.DefendBeforeAggregation(update, Context(new float[] { 0, 0 }, () => new float[] { 1, 0 }, 3, () => trained++));
        Assert.Equal(1, trained);
        Assert.Equal(3, resumed.RefreshedAt);
    }

    [Fact]
    public void Defend_EveryCandidateRejected_PassesTheGlobalModelOnAlone()
    {
        var defense = new ZenoPlusPlusDefense(new ZenoPlusPlusOptions { LearningRate = 0.5 });
        float[] global = { 1, 1 };
        var outcome = defense.DefendBeforeAggregation(new[] { Fixtures.Update(3, 5, 1) }, Context(global, () => new float[] { 0, 1 }));
        var only = Assert.Single(outcome.Updates);
        Assert.Equal(-1, only.ClientId);
        Assert.Equal(global, only.Weights);
    }

    [Theory]
    [InlineData("FedAvg", false)]
    [InlineData("FedSGD", false)]
    [InlineData("FedAsync", true)]
    [InlineData("FedBuff", true)]
    public void Bind_Zenopp_OnlyWithAnAsynchronousOptimizer(string optimizer, bool valid)
    {
        string yaml = $"train_args:\n  federated_optimizer: {optimizer}\n  client_num_per_round: 1\n  learning_rate: 0.1\n"
            + (valid ? "  staleness_model: uniform\n" : string.Empty)
            + "defense_args:\n  enable_defense: true\n  defense_type: zenopp\n  zenopp_rho: 0.002\n  zenopp_refresh_steps: 5\n";
        var config = ConfigReader.Parse(yaml, "t.yaml");
        if (!valid)
        {
            var error = Assert.Throws<ConfigException>(() => ExperimentBinder.Bind(config, BuiltInComponents.CreateRegistry(), ConfigSamples.Models, ConfigSamples.Datasets));
            Assert.Contains("defense_args.defense_type", error.Message, StringComparison.Ordinal);
            Assert.Contains("train_args.federated_optimizer", error.Message, StringComparison.Ordinal);
            return;
        }

        var setup = ExperimentBinder.Bind(config, BuiltInComponents.CreateRegistry(), ConfigSamples.Models, ConfigSamples.Datasets);
        var defense = Assert.IsType<ZenoPlusPlusDefense>(Assert.Single(setup.Defenses).Instance);
        Assert.Equal((0.002, 5, 0.1), (defense.Options.Rho, defense.Options.RefreshSteps, defense.Options.LearningRate));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Run_FedAsyncWithAByzantineClient_ZenoPlusPlusRejectsExactlyItsUpdates(int refreshSteps)
    {
        // Property: every client and the root set hold label 5; the Byzantine client sends the flipped model 2G − w,
        // whose gradient is minus the honest one (cos = −1 with v): its score is −(γ + ρ)‖v‖² < 0, the honest ones'
        // about (γ − ρ)‖v‖² > 0, also with v up to k − 1 steps old. Without the defense its steps undo the progress.
        var config = new ExperimentConfig
        {
            ClientNumInTotal = 4,
            ClientNumPerRound = 1,
            CommRound = 12,
            FederatedOptimizer = FederatedOptimizer.FedAsync,
            StalenessModel = StalenessModel.Fixed,
            MaxStaleness = 0,
            AsyncAlpha = 0.8,
            EnableAttack = true,
            AttackType = "byzantine",
            EnableDefense = true,
            DefenseTypes = new[] { "zenopp" },
        };
        var data = new ExperimentData(Enumerable.Range(0, 4).Select(_ => FakeBackend.Data(6, 5)).ToArray(), FakeBackend.Data(7, 0), FakeBackend.Data(6, 5));
        ByzantineAttack Attack() => new(new ByzantineOptions { ClientNum = 1, Mode = ByzantineMode.Flip });
        var options = new ZenoPlusPlusOptions { RefreshSteps = refreshSteps, LearningRate = config.LearningRate };

        var defended = new Experiment(TestSetup.Of(config, Attack(), new ZenoPlusPlusDefense(options)), new FakeBackend(), data).Run();
        var open = new Experiment(TestSetup.Of(config with { EnableDefense = false, DefenseTypes = Array.Empty<string>() }, Attack()), new FakeBackend(), data).Run();

        int attacked = defended.Rounds.Count(r => r.Attacked.Count > 0);
        Assert.InRange(attacked, 1, 11);
        var counts = defended.Rounds.Select(r => Assert.Single(r.Defenses).Detection).ToArray();
        Assert.Equal(attacked, counts.Sum(c => c.TruePositives));
        Assert.Equal(0, counts.Sum(c => c.FalsePositives));
        if (refreshSteps == 1)
        {
            // With a v up to k − 1 steps old, an accepted update is rescaled to that old ‖v‖: in this toy, whose steps halve
            // the distance to 5, that overshoots, so the model's closeness is checked with v refreshed every step.
            Assert.True(open.FinalGlobal.Average(w => Math.Abs(w - 5)) > 3 * defended.FinalGlobal.Average(w => Math.Abs(w - 5)));
        }
    }
}
