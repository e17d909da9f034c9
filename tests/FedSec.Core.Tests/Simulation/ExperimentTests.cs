using FedSec.Setup;
using FedSec.Attacks.Byzantine;
using FedSec.Attacks.EdgeCase;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Data;
using FedSec.Defenses.Krum;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

public class ExperimentTests
{
    private static ExperimentConfig Config(int clients = 3, int rounds = 1, bool attack = false, bool defense = false, int perRound = -1, long seed = 0) => new()
    {
        ClientNumInTotal = clients,
        ClientNumPerRound = perRound < 0 ? clients : perRound,
        CommRound = rounds,
        RandomSeed = seed,
        EnableAttack = attack,
        AttackType = attack ? "recording" : null,
        EnableDefense = defense,
        DefenseTypes = defense ? new[] { "recording" } : Array.Empty<string>(),
    };

    private static ExperimentData Data(int clients) =>
        new(Enumerable.Range(0, clients).Select(i => FakeBackend.Data(5 + i, i % 10)).ToArray(), FakeBackend.Data(7, 0));

    [Fact]
    public void Run_EveryStageEnabled_FiresInFedMlSecurityOrder()
    {
        var log = new List<string>();
        var component = new RecordingComponent(log);
        var setup = TestSetup.Of(Config(attack: true, defense: true), component, component);
        new Experiment(setup, new FakeBackend(log: log), Data(3)).Run();
        Assert.Equal(
            new[]
            {
                "poison_data:0", "train", "train", "train",
                "reconstruct_data", "attack_model",
                "defend_before_aggregation", "defend_on_aggregation", "defend_after_aggregation",
                "evaluate",
            },
            log);
    }

    [Fact]
    public void Run_AggregateInARoundBuffer_GlobalModelSurvivesTheNextRoundsRentals()
    {
        var rule = new RentingMeanAggregation();
        var config = Config(rounds: 3, defense: true) with { DefenseTypes = new[] { "renting_mean" } };
        var result = new Experiment(TestSetup.Of(config, null, rule), new FakeBackend(), Data(3)).Run();
        Assert.Equal(new[] { true, true }, rule.GlobalIntactAfterRenting);
        Assert.All(result.FinalGlobal, w => Assert.True(float.IsFinite(w)));
    }

    [Fact]
    public void CheckInitialModel_CrflWithBoundBelowInitialModel_ReturnsItsWarning()
    {
        // FakeBackend's initial weights are U(0, 1) on 400 coordinates: norm ≈ 11.5, far above CRFL's first bound 2.1.
        var config = Config(rounds: 2, defense: true) with { DefenseTypes = new[] { "crfl" } };
        var crfl = new FedSec.Defenses.Crfl.CrflDefense(new FedSec.Defenses.Crfl.CrflOptions { Sigma = 0 });
        var experiment = new Experiment(TestSetup.Of(config, null, crfl), new FakeBackend(d: 400), Data(3));
        var warning = Assert.Single(experiment.CheckInitialModel());
        Assert.StartsWith("crfl:", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckInitialModel_NoCheckingComponent_ReturnsNothing()
    {
        var experiment = new Experiment(TestSetup.Of(Config(), null), new FakeBackend(), Data(3));
        Assert.Empty(experiment.CheckInitialModel());
    }

    [Fact]
    public void Run_DefenseChain_RunsBeforeDefensesInConfiguredOrder()
    {
        var log = new List<string>();
        var a = new RecordingComponent(log, "#a");
        var b = new BeforeOnly(log);
        var config = Config(defense: true) with { DefenseTypes = new[] { "b", "a" } };
        new Experiment(TestSetup.Of(config, null, b, a), new FakeBackend(log: log), Data(3)).Run();
        Assert.Equal(new[] { "defend_before_aggregation#b", "defend_before_aggregation#a", "defend_on_aggregation#a", "defend_after_aggregation#a" }, log.Where(l => l.StartsWith("defend", StringComparison.Ordinal)));
    }

    [Fact]
    public void Run_TwoAggregationRules_ConfigErrorNamesDefenseType()
    {
        var log = new List<string>();
        var config = Config(defense: true) with { DefenseTypes = new[] { "x", "y" } };
        var setup = TestSetup.Of(config, null, new RecordingComponent(log), new RecordingComponent(log));
        var ex = Assert.Throws<ConfigException>(() => new Experiment(setup, new FakeBackend(), Data(3)));
        Assert.Equal("defense_args.defense_type", ex.Problems[0].Key);
    }

    [Fact]
    public void Run_SameConfigAndSeed_SameNumbers()
    {
        var attack = new ByzantineAttack(new ByzantineOptions { Mode = ByzantineMode.Random, ClientNum = 2 });
        ExperimentResult Once() => new Experiment(
            TestSetup.Of(Config(clients: 6, rounds: 4, attack: true, perRound: 4, seed: 11), attack),
            new FakeBackend(),
            Data(6)).Run();
        var r1 = Once();
        var r2 = Once();
        Assert.Equal(r1.FinalGlobal, r2.FinalGlobal);
        Assert.Equal(r1.Rounds.Select(r => r.Accuracy), r2.Rounds.Select(r => r.Accuracy));
        Assert.Equal(r1.Rounds.Select(r => string.Join(",", r.Sampled)), r2.Rounds.Select(r => string.Join(",", r.Sampled)));
    }

    [Fact]
    public void Run_FixedMaliciousIdentities_SameClientsAttackedEveryRound()
    {
        var attack = new ByzantineAttack(new ByzantineOptions { Mode = ByzantineMode.Zero, ClientNum = 2 });
        var experiment = new Experiment(
            TestSetup.Of(Config(clients: 8, rounds: 5, attack: true, seed: 3), attack),
            new FakeBackend(),
            Data(8));
        var result = experiment.Run();
        Assert.Equal(2, experiment.MaliciousIdentities.Count);
        Assert.All(result.Rounds, r => Assert.Equal(experiment.MaliciousIdentities.OrderBy(x => x), r.Attacked));
    }

    [Fact]
    public void Run_DataPoisoning_OnlyMaliciousClientsGetCopiesAndTestSetUntouched()
    {
        var log = new List<string>();
        var component = new RecordingComponent(log);
        var data = Data(3);
        var testLabels = (int[])((ImageSet)data.Test).Labels.Clone();
        var backend = new FakeBackend();
        new Experiment(TestSetup.Of(Config(attack: true, rounds: 2), component), backend, data).Run();
        Assert.Equal(new[] { "poison_data:0", "poison_data:0" }, log.Where(l => l.StartsWith("poison", StringComparison.Ordinal)));
        Assert.NotSame(data.Clients[0], backend.TrainedOn[0]);
        Assert.Same(data.Clients[1], backend.TrainedOn[1]);
        Assert.Equal(testLabels, ((ImageSet)data.Test).Labels);
    }

    [Fact]
    public void Run_EdgeCaseAttack_OnlyTheAttackerTrainsOnRelabelledDataUnderTheConstraint()
    {
        // Four clients holding sevens; one attacker (drawn from the seed) relabels its tail to ones and trains projected.
        var attack = new EdgeCaseAttack(new EdgeCaseOptions { ClientNum = 1 });
        var config = Config(clients: 4, rounds: 2, attack: true) with { AttackType = "edge_case" };
        var data = new ExperimentData(Enumerable.Range(0, 4).Select(_ => FakeBackend.Data(10, 7)).ToArray(), FakeBackend.Data(5, 7));
        var backend = new FakeBackend();

        new Experiment(TestSetup.Of(config, attack), backend, data).Run();

        Assert.Equal(8, backend.TrainedOn.Count);
        for (int t = 0; t < backend.TrainedOn.Count; t++)
        {
            bool constrained = backend.TrainedWith[t].Constraint is PgdBallConstraint;
            bool relabelled = backend.TrainedOn[t].Labels.Contains(1);
            Assert.Equal(constrained, relabelled);
            Assert.Equal(constrained ? 9 : 10, backend.TrainedOn[t].Labels.Count(l => l == 7));
        }

        Assert.Equal(2, backend.TrainedWith.Count(s => s.Constraint is not null));
        Assert.All(data.Clients, c => Assert.All(((ImageSet)c).Labels, l => Assert.Equal(7, l)));
    }

    [Fact]
    public void Run_KrumAgainstZeroAttack_FlagsTheAttackerInDetectionCounts()
    {
        var attack = new ByzantineAttack(new ByzantineOptions { Mode = ByzantineMode.Random, ClientNum = 1 });
        var krum = new KrumDefense(new KrumOptions { ByzantineClientNum = 1, M = 5 });
        var config = Config(clients: 10, rounds: 3, attack: true, defense: true, seed: 2) with { DefenseTypes = new[] { "krum" } };
        var data = new ExperimentData(Enumerable.Range(0, 10).Select(_ => FakeBackend.Data(10, 3)).ToArray(), FakeBackend.Data(5, 0));
        var result = new Experiment(TestSetup.Of(config, attack, krum), new FakeBackend(d: 50), data).Run();
        var detection = result.DetectionByDefense()["krum"];
        Assert.Equal(3, detection.TruePositives);
        Assert.Equal(0, detection.FalseNegatives);
        Assert.Equal(1.0, detection.Recall);
    }

    private sealed class BeforeOnly : FedSec.Stages.IBeforeAggregationDefense
    {
        private readonly List<string> _log;

        public BeforeOnly(List<string> log) => _log = log;

        public FedSec.Stages.DefenseOutcome DefendBeforeAggregation(IReadOnlyList<FedSec.Parameters.ClientUpdate> updates, FedSec.Stages.RoundContext context)
        {
            _log.Add("defend_before_aggregation#b");
            return FedSec.Stages.DefenseOutcome.KeepAll(updates);
        }
    }
}
