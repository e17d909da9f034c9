using FedSec.Attacks.Byzantine;
using FedSec.Components;
using FedSec.Configuration;
using FedSec.Core.Tests.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Defenses.AflGuard;
using FedSec.Parameters;
using FedSec.Setup;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.AflGuard;

public sealed class AflGuardDefenseTests
{
    private static RoundContext Context(float[] global, float[] serverModel, IReadOnlyDictionary<int, float[]>? bases = null, bool diverged = false)
    {
        var plain = Fixtures.Context(global, Enumerable.Range(0, 6));
        return new RoundContext
        {
            Round = plain.Round,
            TotalRounds = plain.TotalRounds,
            Global = plain.Global,
            Layout = plain.Layout,
            SampledClients = plain.SampledClients,
            MaliciousClients = plain.MaliciousClients,
            Seeds = plain.Seeds,
            ServerTrainer = _ => new ServerTraining(serverModel, diverged ? "NaN at w[0]" : null),
            UpdateBases = bases,
        };
    }

    [Fact]
    public void Defend_UpdatesAroundTheServersUpdate_KeepsThoseWithinLambdaTimesItsNorm()
    {
        // G = 0, server model (1, 0): g_s = (1, 0), λ = 1.5 → accepted when ‖g − g_s‖ ≤ 1.5.
        // (1.5, 0.5): 0.707 kept; (−1, 0): 2 removed; (2, 1.2): √2.44 ≈ 1.562 removed; (2.5, 0): exactly 1.5 kept.
        var defense = new AflGuardDefense(new AflGuardOptions { Lambda = 1.5 });
        var updates = new[] { Fixtures.Update(0, 1.5f, 0.5f), Fixtures.Update(1, -1, 0), Fixtures.Update(2, 2, 1.2f), Fixtures.Update(3, 2.5f, 0) };

        var outcome = defense.DefendBeforeAggregation(updates, Context(new float[] { 0, 0 }, new float[] { 1, 0 }));

        Assert.Equal(new[] { 0, 3 }, outcome.Updates.Select(u => u.ClientId));
        Assert.Equal(new[] { false, true, true, false }, outcome.Verdicts.Select(v => v.Flagged));
        Assert.Equal(2.0, outcome.Verdicts[1].Score!.Value, 6);
    }

    [Fact]
    public void Defend_StaleUpdate_IsMeasuredFromTheModelItTrainedFrom()
    {
        // Client 4 trained from (2, 3) to (3, 3): its update (1, 0) is the server's. Against G = 0 it would be (3, 3).
        var defense = new AflGuardDefense(new AflGuardOptions { Lambda = 1.5 });
        var update = new[] { Fixtures.Update(4, 3, 3) };

        var stale = defense.DefendBeforeAggregation(update, Context(new float[] { 0, 0 }, new float[] { 1, 0 }, new Dictionary<int, float[]> { [4] = new float[] { 2, 3 } }));
        var fresh = defense.DefendBeforeAggregation(update, Context(new float[] { 0, 0 }, new float[] { 1, 0 }));

        Assert.Equal(4, Assert.Single(stale.Updates).ClientId);
        Assert.Equal(0.0, stale.Verdicts[0].Score!.Value, 6);
        Assert.True(Assert.Single(fresh.Verdicts).Flagged);
    }

    [Fact]
    public void Defend_EveryUpdateRejected_PassesTheGlobalModelOnAlone()
    {
        var defense = new AflGuardDefense(new AflGuardOptions { Lambda = 0.5 });
        float[] global = { 1, 1 };

        var outcome = defense.DefendBeforeAggregation(new[] { Fixtures.Update(0, -5, 9) }, Context(global, new float[] { 2, 1 }));

        var only = Assert.Single(outcome.Updates);
        Assert.Equal(-1, only.ClientId);
        Assert.Equal(global, only.Weights);
        Assert.True(Assert.Single(outcome.Verdicts).Flagged);
    }

    [Fact]
    public void Defend_ServerTrainingDiverged_StopsTheRound()
    {
        var defense = new AflGuardDefense(new AflGuardOptions());
        var outcome = defense.DefendBeforeAggregation(new[] { Fixtures.Update(0, 1, 1) }, Context(new float[] { 0, 0 }, new float[] { float.NaN, 0 }, diverged: true));
        Assert.NotNull(outcome.Stopped);
    }

    [Fact]
    public void Registry_AflGuard_ReadsLambdaRootSetSizeAndServerTrainingAndNeedsServerData()
    {
        var registry = BuiltInComponents.CreateRegistry();
        Assert.True(registry.TryGet(ComponentKind.Defense, "aflguard", out var descriptor));
        var setup = ExperimentBinder.Bind(
            ConfigReader.Parse("defense_args:\n  enable_defense: true\n  defense_type: aflguard\n  aflguard_lambda: 2\n  root_set_size: 50\n  server_training: epochs\n", "t.yaml"), registry, ConfigSamples.Models, ConfigSamples.Datasets);
        var defense = Assert.IsType<AflGuardDefense>(Assert.Single(setup.Defenses).Instance);
        Assert.Equal((2.0, 50, ServerTrainingLength.Epochs), (defense.Options.Lambda, defense.RootSetSize, defense.Options.ServerTraining));
        Assert.Equal("aflguard", descriptor.Name);
    }

    [Fact]
    public void Run_FedAsyncWithAByzantineClient_AflGuardRejectsExactlyItsUpdatesAndKeepsTheModelNearTheHonestOne()
    {
        // Every client and the server's root set hold label 5: honest updates point where the server's does. The Byzantine
        // client sends the flipped model 2G − w, whose update is minus the honest one: about twice the server's update
        // away from it, beyond λ = 1.5 times its norm. Without the defense its steps undo the progress. (Fresh updates:
        // the flip is taken against the current model, so a stale one would not be the honest update's opposite.)
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
            DefenseTypes = new[] { "aflguard" },
        };
        var data = new ExperimentData(Enumerable.Range(0, 4).Select(_ => FakeBackend.Data(6, 5)).ToArray(), FakeBackend.Data(7, 0), FakeBackend.Data(6, 5));
        ByzantineAttack Attack() => new(new ByzantineOptions { ClientNum = 1, Mode = ByzantineMode.Flip });

        var defended = new Experiment(TestSetup.Of(config, Attack(), new AflGuardDefense(new AflGuardOptions())), new FakeBackend(), data).Run();
        var open = new Experiment(TestSetup.Of(config with { EnableDefense = false, DefenseTypes = Array.Empty<string>() }, Attack()), new FakeBackend(), data).Run();

        int attacked = defended.Rounds.Count(r => r.Attacked.Count > 0);
        Assert.InRange(attacked, 1, 11);
        var counts = defended.Rounds.Select(r => Assert.Single(r.Defenses).Detection).ToArray();
        Assert.Equal(attacked, counts.Sum(c => c.TruePositives));
        Assert.Equal(0, counts.Sum(c => c.FalsePositives));
        Assert.All(defended.FinalGlobal, w => Assert.InRange(w, 4.5f, 5.5f));
        Assert.True(open.FinalGlobal.Average(w => Math.Abs(w - 5)) > 3 * defended.FinalGlobal.Average(w => Math.Abs(w - 5)));
    }
}
