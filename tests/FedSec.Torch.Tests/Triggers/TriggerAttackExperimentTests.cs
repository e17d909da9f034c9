using System.Text.Json;
using FedSec.Attacks.Backdoor;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Output;
using FedSec.Simulation;
using FedSec.Simulation.Metrics;
using FedSec.Stages;
using FedSec.Torch.Models;
using FedSec.Torch.Simulation;
using FedSec.Torch.Triggers.A3fl;
using FedSec.Torch.Triggers.Iba;

namespace FedSec.Torch.Tests.Triggers;

/// <summary>A3FL and IBA in the engine: ASR with the latest trigger, parallel training, resuming from a checkpoint.</summary>
public sealed class TriggerAttackExperimentTests : IDisposable
{
    private readonly OneTensorThread _threads = new();

    private static readonly ImageSet[] Clients = Enumerable.Range(0, 4).Select(i => TriggerScenario.Bands(40, seed: 20 + i)).ToArray();

    private static readonly ImageSet Test = TriggerScenario.Bands(120, seed: 90);

    private static IAttack NewAttack(string name) => name switch
    {
        "a3fl" => new A3flAttack(
            new A3flOptions { ClientNum = 2, Size = 4, Position = new TriggerPosition(TriggerAnchor.At, 2, 3), TriggerEpochs = 2, AdvEpochs = 1, TriggerLr = 0.05 },
            TriggerScenario.Settings()),
        _ => new IbaAttack(new IbaOptions { ClientNum = 2, TargetLabel = 2, Epsilon = 0.5, GeneratorEpochs = 3 }, TriggerScenario.Settings()),
    };

    private static (Experiment Experiment, TorchModelBackend Backend, IAttack Attack) NewExperiment(string attackName, int concurrent, int rounds = 3)
    {
        var config = new ExperimentConfig
        {
            Model = "mlp", ClientNumInTotal = 4, ClientNumPerRound = 4, CommRound = rounds, Epochs = 1, BatchSize = 16, LearningRate = 0.1, RandomSeed = 6,
            EnableAttack = true, AttackType = attackName,
        };
        var attack = NewAttack(attackName);
        var setup = TestSetup.Of(config, attack);
        var backend = new TorchModelBackend(ModelCatalog.CreateBuiltIn().Get("mlp"), TriggerScenario.Info, concurrent);
        var experiment = new Experiment(setup, backend, new ExperimentData(Clients, Test));
        foreach (var metric in StandardMetrics.For(setup, Test))
        {
            experiment.AddMetric(metric);
        }

        return (experiment, backend, attack);
    }

    private static string[] Lines(IEnumerable<RoundRecord> records) =>
        records.Select(r => JsonSerializer.Serialize(r.WithoutTimings(), JsonOptions.Lines)).ToArray();

    [Theory]
    [InlineData("a3fl")]
    [InlineData("iba")]
    public void Run_ThreeRounds_EachRoundHasAnAsrAndTheLastIsMeasuredWithTheLatestTrigger(string name)
    {
        var (experiment, backend, attack) = NewExperiment(name, concurrent: 1);
        using var disposeBackend = backend;

        var result = experiment.Run();

        Assert.All(result.Rounds, r => Assert.True(r.Metrics.ContainsKey("attack_success_rate")));
        var backdoor = (IAdaptiveBackdoorAttack)attack;
        Assert.Equal(3, backdoor.TriggerVersion);
        double latest = backend.Evaluate(result.FinalGlobal, backdoor.TriggeredTestSet(Test)).PredictedShare(backdoor.TargetLabel);
        Assert.Equal(latest, result.Rounds[^1].Metrics["attack_success_rate"]);
        (attack as IDisposable)?.Dispose();
    }

    [Theory]
    [InlineData("a3fl")]
    [InlineData("iba")]
    public void Run_TwoClientsAtOnce_SameRoundsAndModelAsOneAtATime(string name)
    {
        var (serial, serialBackend, a) = NewExperiment(name, concurrent: 1);
        var (parallel, parallelBackend, b) = NewExperiment(name, concurrent: 2);
        using var d1 = serialBackend;
        using var d2 = parallelBackend;
        Assert.Equal(2, parallelBackend.MaxConcurrentTrainings);

        var one = serial.Run();
        var two = parallel.Run();

        Assert.Equal(Lines(one.Rounds), Lines(two.Rounds));
        Assert.Equal(one.FinalGlobal, two.FinalGlobal);
        (a as IDisposable)?.Dispose();
        (b as IDisposable)?.Dispose();
    }

    [Theory]
    [InlineData("a3fl")]
    [InlineData("iba")]
    public void ReadState_AfterTwoRoundsIntoAFreshExperiment_LastRoundAsIfNeverStopped(string name)
    {
        var (whole, wholeBackend, _) = NewExperiment(name, concurrent: 1);
        using var d1 = wholeBackend;
        var expected = whole.Run();

        var (first, firstBackend, _) = NewExperiment(name, concurrent: 1);
        using var d2 = firstBackend;
        var server = first.CreateServer();
        RunRounds(server, first.CreateClients(), 2);
        using var state = new MemoryStream();
        using (var writer = new BinaryWriter(state, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            server.WriteState(writer);
        }

        var (second, secondBackend, _) = NewExperiment(name, concurrent: 1);
        using var d3 = secondBackend;
        var resumed = second.CreateServer();
        resumed.ResumeAt(server.Records, server.Global.ToArray());
        state.Position = 0;
        resumed.ReadState(new BinaryReader(state));
        RunRounds(resumed, second.CreateClients(), 1);

        Assert.Equal(Lines(expected.Rounds), Lines(resumed.Result().Rounds));
        Assert.Equal(expected.FinalGlobal, resumed.Result().FinalGlobal);
    }

    [Theory]
    [InlineData("a3fl")]
    [InlineData("iba")]
    public void ResumeAt_WithoutTheAttacksState_DiffersFromTheWholeRun(string name)
    {
        // The control of the test above: a fresh trigger in the resumed round changes the numbers, so that test checks
        // the trigger's state, not a stateless coincidence.
        var (whole, wholeBackend, _) = NewExperiment(name, concurrent: 1);
        using var d1 = wholeBackend;
        var expected = whole.Run();
        var (first, firstBackend, _) = NewExperiment(name, concurrent: 1);
        using var d2 = firstBackend;
        var server = first.CreateServer();
        RunRounds(server, first.CreateClients(), 2);

        var (second, secondBackend, _) = NewExperiment(name, concurrent: 1);
        using var d3 = secondBackend;
        var resumed = second.CreateServer();
        resumed.ResumeAt(server.Records, server.Global.ToArray());
        RunRounds(resumed, second.CreateClients(), 1);

        Assert.NotEqual(expected.FinalGlobal, resumed.Result().FinalGlobal);
    }

    public void Dispose() => _threads.Dispose();

    private static void RunRounds(ExperimentServer server, ExperimentClients clients, int count)
    {
        for (int i = 0; i < count; i++)
        {
            var plan = server.Plan();
            var results = clients.Train(plan, plan.Sampled).OfType<ClientResult>().ToDictionary(r => r.ClientId);
            server.Complete(plan, ClientTraining.Assemble(plan.Round, plan.Sampled, results));
        }
    }
}
