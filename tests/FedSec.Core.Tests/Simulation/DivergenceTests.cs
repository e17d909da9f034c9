using FedSec.Setup;
using System.Text.Json;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Output;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Core.Tests.Simulation;

public class DivergenceTests
{
    // Two of five test samples are of class 0: a model whose every prediction is class 0 scores 0.4.
    private static readonly ImageSet Test = new(Enumerable.Repeat(0.5f, 5 * 4).ToArray(), [0, 3, 0, 5, 7], 1, 2, 2, 10);

    private static ExperimentConfig Config(int rounds = 5, bool attack = false, string[]? defenses = null) => new()
    {
        ClientNumInTotal = 3,
        ClientNumPerRound = 3,
        CommRound = rounds,
        RandomSeed = 4,
        FrequencyOfTheTest = 10,
        EnableAttack = attack,
        AttackType = attack ? "nan" : null,
        EnableDefense = defenses is not null,
        DefenseTypes = defenses ?? Array.Empty<string>(),
    };

    private static ExperimentData Data() => new(Enumerable.Range(0, 3).Select(i => FakeBackend.Data(5 + i, i + 1)).ToArray(), Test);

    private static ExperimentResult Run(IModelBackend backend, ExperimentConfig? config = null, object? attack = null, params object[] defenses) =>
        new Experiment(TestSetup.Of(config ?? Config(), attack, defenses), backend, Data()).Run();

    [Fact]
    public void Run_ClientReturnsNaNInRound2_EndsDivergedAtRound2WithTheRecord()
    {
        // Three clients train in order 0, 1, 2 every round; call 4 is client 1 in round 2 (zero-based round 1).
        var backend = DivergingBackend.NaNOnCall(4);

        var result = Run(backend);

        Assert.Equal(RunStatus.Diverged, result.Status);
        Assert.Equal(2, result.Rounds.Count);
        var diverged = Assert.IsType<Divergence>(result.Diverged);
        Assert.Equal(1, diverged.Round);
        Assert.Equal(DivergenceStage.LocalTraining, diverged.Stage);
        Assert.Equal(1, diverged.ClientId);
        Assert.Equal("client 1's local training produced NaN at w[1]", diverged.Reason);
        Assert.Null(result.Rounds[0].Diverged);
        Assert.Equal(diverged, result.Rounds[1].Diverged);
        Assert.Equal(5, backend.TrainCalls);
    }

    [Fact]
    public void Run_ClientDiverges_LastRoundEvaluatesTheNonFiniteModelEvenOffTheTestFrequency()
    {
        var backend = DivergingBackend.NaNOnCall(4);

        var result = Run(backend);

        // frequency_of_the_test = 10 would skip round 2; the diverged round is the last and is evaluated, on the
        // client's non-finite model (predicting class 0 everywhere: 2 of 5 right).
        Assert.Null(result.Rounds[0].Accuracy);
        var evaluated = Assert.Single(backend.Evaluated);
        Assert.True(float.IsNaN(evaluated[1]));
        Assert.Equal(0.4, result.Rounds[1].Accuracy);
        Assert.Equal(0.4, result.FinalAccuracy);
        Assert.True(float.IsNaN(result.FinalGlobal[1]));
        Assert.True(double.IsNaN(result.Rounds[1].TrainLoss));
    }

    [Fact]
    public void Run_NoDivergence_CompletedWithEveryRoundAndNoRecord()
    {
        var result = Run(DivergingBackend.NaNOnCall(-1));

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Null(result.Diverged);
        Assert.Equal(5, result.Rounds.Count);
        Assert.All(result.Rounds, r => Assert.Null(r.Diverged));
    }

    [Fact]
    public void Run_DivergedTwiceWithSameConfigAndSeed_SameNumbers()
    {
        var a = Run(DivergingBackend.NaNOnCall(7));
        var b = Run(DivergingBackend.NaNOnCall(7));

        Assert.Equal(a.Diverged, b.Diverged);
        Assert.Equal(a.Rounds.Select(r => (r.Accuracy, r.Loss, r.TrainLoss)), b.Rounds.Select(r => (r.Accuracy, r.Loss, r.TrainLoss)));
        Assert.Equal(a.FinalGlobal, b.FinalGlobal);
    }

    [Fact]
    public void Run_FiniteUpdatesOverflowInTheServerOptimizer_DivergesAtAggregation()
    {
        // Every update is finite (half of float.MaxValue) but FedAvgM's step G + 10·Δ overflows float.
        var backend = new DivergingBackend((_, w) => w.Select(_ => float.MaxValue / 2).ToArray());
        var config = Config() with { FederatedOptimizer = FederatedOptimizer.FedAvgM, ServerLr = 10, ServerMomentum = 0 };

        var result = Run(backend, config);

        var diverged = Assert.IsType<Divergence>(result.Diverged);
        Assert.Equal(0, diverged.Round);
        Assert.Equal(DivergenceStage.Aggregation, diverged.Stage);
        Assert.Null(diverged.ClientId);
        Assert.Equal("the new global model holds Infinity at w[0] although every update was finite", diverged.Reason);
        Assert.Single(result.Rounds);
        Assert.Equal(0.4, result.Rounds[0].Accuracy);
        Assert.Equal(3, backend.TrainCalls);
    }

    [Fact]
    public void Run_AttackReturnsNaN_StillThrowsNamingTheAttack()
    {
        var ex = Assert.Throws<InvalidUpdateException>(() => Run(DivergingBackend.NaNOnCall(-1), Config(attack: true), new NaNAttack()));

        Assert.Contains("after the model-poisoning attack holds NaN", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DefenseReturnsNaN_StillThrowsNamingTheDefense()
    {
        var ex = Assert.Throws<InvalidUpdateException>(() => Run(DivergingBackend.NaNOnCall(-1), Config(defenses: ["poisoner"]), null, new NaNDefense()));

        Assert.Contains("after the defense 'poisoner' holds NaN", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AfterAggregationDefenseTurnsFiniteModelNaN_ThrowsNamingTheDefense()
    {
        var ex = Assert.Throws<InvalidUpdateException>(() => Run(DivergingBackend.NaNOnCall(-1), Config(defenses: ["nan_after"]), null, new NaNAfterAggregationDefense()));
        Assert.Contains("'nan_after'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("NaN", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_OfDivergedRun_HasStatusRoundAndTheLastRoundsAccuracy()
    {
        var result = Run(DivergingBackend.NaNOnCall(4));

        var summary = RunSummary.From(Config(), result);
        var json = JsonSerializer.Serialize(summary, JsonOptions.Indented);
        var back = JsonSerializer.Deserialize<RunSummary>(json, JsonOptions.Indented)!;

        Assert.Equal(RunStatus.Diverged, back.Status);
        Assert.Equal(result.Diverged, back.Diverged);
        Assert.Equal(2, back.Rounds);
        Assert.Equal(0.4, back.FinalAccuracy);
        Assert.Contains("\"status\": \"diverged\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundRecordJson_DivergedRoundCarriesTheRecordAndOtherRoundsOmitIt()
    {
        var result = Run(DivergingBackend.NaNOnCall(4));

        string first = JsonSerializer.Serialize(result.Rounds[0], JsonOptions.Lines);
        string last = JsonSerializer.Serialize(result.Rounds[1], JsonOptions.Lines);

        Assert.DoesNotContain("diverged", first, StringComparison.Ordinal);
        Assert.Contains("\"diverged\":{\"round\":1,\"stage\":\"local training\",\"client_id\":1,", last, StringComparison.Ordinal);
        Assert.Equal(result.Rounds[1].Diverged, JsonSerializer.Deserialize<RoundRecord>(last, JsonOptions.Lines)!.Diverged);
    }

    [Fact]
    public void Run_ServersRootSetTrainingDiverges_RoundEndsDivergedAtLocalTrainingWithNoClient()
    {
        // Clients 0, 1, 2 are Train calls 0..2 of round 1; FLTrust's root-set training is call 3.
        var backend = DivergingBackend.NaNOnCall(3);
        var data = new ExperimentData(Enumerable.Range(0, 3).Select(i => FakeBackend.Data(5 + i, i + 1)).ToArray(), Test, FakeBackend.Data(4, 2));
        var config = Config(defenses: ["fltrust"]);
        var fltrust = new FedSec.Defenses.FLTrust.FLTrustAggregation(new FedSec.Defenses.FLTrust.FLTrustOptions { RootSetSize = 4 });

        var result = new Experiment(TestSetup.Of(config, null, fltrust), backend, data).Run();

        var diverged = Assert.IsType<Divergence>(result.Diverged);
        Assert.Equal((0, DivergenceStage.LocalTraining, (int?)null), (diverged.Round, diverged.Stage, diverged.ClientId));
        Assert.Equal("the server's training on its root set produced NaN at w[1]", diverged.Reason);
        Assert.Single(result.Rounds);
        Assert.True(float.IsNaN(result.FinalGlobal[1]));
    }

    [Fact]
    public void RoundRecordJson_DivergedRoundWithADefense_WritesTheStagesAsWordsAndReadsThemBack()
    {
        var record = new RoundRecord
        {
            Round = 2,
            Sampled = [0],
            Attacked = [],
            Defenses = [new DefenseRoundReport("krum", DefenseStage.Before, [], DetectionCounts.Zero)],
            Reconstructions = [],
            Metrics = new Dictionary<string, double>(),
            Diverged = new Divergence(2, DivergenceStage.LocalTraining, 0, "x"),
        };

        string json = JsonSerializer.Serialize(record, JsonOptions.Lines);

        Assert.Contains("\"stage\":\"before\"", json, StringComparison.Ordinal);
        Assert.Contains("\"stage\":\"local training\"", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize<RoundRecord>(json, JsonOptions.Lines)!;
        Assert.Equal(DefenseStage.Before, back.Defenses[0].Stage);
        Assert.Equal(DivergenceStage.LocalTraining, back.Diverged!.Stage);
    }
}
