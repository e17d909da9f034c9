using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Data;
using FedSec.Setup;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

public class ExtensionStagesTests
{
    private static ExperimentConfig Config(int rounds = 1) => new()
    {
        ClientNumInTotal = 3,
        ClientNumPerRound = 3,
        CommRound = rounds,
        EnableAttack = true,
        AttackType = "recording",
        EnableDefense = true,
        DefenseTypes = new[] { "recording" },
    };

    private static ExperimentData Data() =>
        new(Enumerable.Range(0, 3).Select(i => FakeBackend.Data(5 + i, i)).ToArray(), FakeBackend.Data(7, 0));

    private static ExperimentSetup Setup(ExperimentConfig config, List<string> log, RecordingExtension extension)
    {
        var component = new RecordingComponent(log);
        return TestSetup.Of(config, component, component) with { Extensions = [new ConfiguredExtension("test_args", extension, [])] };
    }

    [Fact]
    public void Run_ExtensionStages_RunAtTheirPlacesInTheRound()
    {
        var log = new List<string>();
        var config = Config() with { EnableDefense = false, DefenseTypes = [] };
        var setup = TestSetup.Of(config, new RecordingComponent(log)) with { Extensions = [new ConfiguredExtension("test_args", new RecordingExtension(log, 0), [])] };
        new Experiment(setup, new FakeBackend(log: log), Data()).Run();
        Assert.Equal(
            new[]
            {
                "poison_data:0", "train", "train", "train", "client_stage:0", "client_stage:1", "client_stage:2",
                "reconstruct_data", "attack_model", "server_stage", "protocol", "aggregate_stage", "evaluate",
            },
            log);
    }

    [Fact]
    public void Run_ServerStageBeforeTheDefenses_DefensesSeeItsUpdates()
    {
        var log = new List<string>();
        var setup = Setup(Config(), log, new RecordingExtension(log, 0));
        Assert.Throws<ConfigException>(() => new Experiment(setup, new FakeBackend(log: log), Data()));
    }

    [Fact]
    public void Run_ClientStageShift_ServerSeesShiftedModelsAndAggregateStageAddsToTheAggregate()
    {
        var log = new List<string>();
        var config = Config() with { EnableAttack = false, AttackType = null, EnableDefense = false, DefenseTypes = [] };
        var plain = new Experiment(TestSetup.Of(config, null), new FakeBackend(), Data()).Run();
        var setup = TestSetup.Of(config, null) with { Extensions = [new ConfiguredExtension("test_args", new RecordingExtension(log, 0.25), [])] };
        var shifted = new Experiment(setup, new FakeBackend(), Data()).Run();

        // FedAvg weighs by sample count, the server stage by 1 each: compare against the unweighted mean of the shifted models.
        for (int i = 0; i < plain.FinalGlobal.Length; i++)
        {
            Assert.True(shifted.FinalGlobal[i] > plain.FinalGlobal[i] + 100, $"coordinate {i}: {shifted.FinalGlobal[i]} vs {plain.FinalGlobal[i]}");
        }
    }

    [Fact]
    public void Run_ProtocolFailsARound_KeepsTheGlobalModelRecordsWhyAndGoesOn()
    {
        var log = new List<string>();
        var extension = new RecordingExtension(log, 0);
        extension.FailIn.Add(0);
        var config = Config(rounds: 2) with { EnableAttack = false, AttackType = null, EnableDefense = false, DefenseTypes = [] };
        var backend = new FakeBackend();
        var setup = TestSetup.Of(config, null) with { Extensions = [new ConfiguredExtension("test_args", extension, [])] };
        var result = new Experiment(setup, backend, Data()).Run();

        Assert.Equal("test_args: too few clients", result.Rounds[0].Failure);
        Assert.Null(result.Rounds[1].Failure);
        Assert.DoesNotContain("test_metric", result.Rounds[0].Metrics.Keys);
        Assert.Equal(1.5, result.Rounds[1].Metrics["test_metric"]);
        Assert.Equal(1, FedSec.Output.RunSummary.From(config, result).FailedRounds);
    }
}
