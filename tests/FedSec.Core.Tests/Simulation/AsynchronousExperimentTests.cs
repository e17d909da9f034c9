using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

public sealed class AsynchronousExperimentTests
{
    private static ExperimentConfig Config(FederatedOptimizer optimizer, StalenessModel model = StalenessModel.Uniform, int maxStaleness = 3, int perRound = 3, long seed = 0) => new()
    {
        ClientNumInTotal = 6,
        ClientNumPerRound = perRound,
        CommRound = 8,
        RandomSeed = seed,
        FederatedOptimizer = optimizer,
        StalenessModel = model,
        MaxStaleness = maxStaleness,
    };

    private static ExperimentData Data(int clients, bool equal = false) =>
        new(Enumerable.Range(0, clients).Select(i => FakeBackend.Data(equal ? 5 : 5 + i, i % 10)).ToArray(), FakeBackend.Data(7, 0));

    private static ExperimentResult Run(ExperimentConfig config, FedSec.Simulation.IModelBackend? backend = null, bool equal = false) =>
        new Experiment(TestSetup.Of(config, null), backend ?? new FakeBackend(), Data(config.ClientNumInTotal, equal)).Run();

    [Fact]
    public void Run_FedAsyncNoStalenessAlphaOne_IsFedAvgWithOneClientPerRound()
    {
        var fedAsync = Run(Config(FederatedOptimizer.FedAsync, StalenessModel.Fixed, maxStaleness: 0, perRound: 1) with { AsyncAlpha = 1 });
        var fedAvg = Run(Config(FederatedOptimizer.FedAvg, StalenessModel.None, perRound: 1));

        Assert.Equal(fedAvg.FinalGlobal, fedAsync.FinalGlobal);
        Assert.Equal(fedAvg.Rounds.Select(r => r.Accuracy), fedAsync.Rounds.Select(r => r.Accuracy));
    }

    [Fact]
    public void Run_FedBuffNoStalenessUnitServerRateEqualCounts_IsFedAvg()
    {
        var fedBuff = Run(Config(FederatedOptimizer.FedBuff, StalenessModel.Fixed, maxStaleness: 0) with { ServerLr = 1 }, equal: true);
        var fedAvg = Run(Config(FederatedOptimizer.FedAvg, StalenessModel.None), equal: true);

        for (int j = 0; j < fedAvg.FinalGlobal.Length; j++)
        {
            Assert.Equal(fedAvg.FinalGlobal[j], fedBuff.FinalGlobal[j], 5);
        }
    }

    [Fact]
    public void Run_FedBuffStale_DiffersFromFedAvg()
    {
        var fedBuff = Run(Config(FederatedOptimizer.FedBuff, StalenessModel.Fixed, maxStaleness: 2) with { ServerLr = 1 }, equal: true);
        var fedAvg = Run(Config(FederatedOptimizer.FedAvg, StalenessModel.None), equal: true);
        Assert.NotEqual(fedAvg.FinalGlobal, fedBuff.FinalGlobal);
    }

    [Fact]
    public void Run_SameSeed_SameStalenessAndNumbers_OtherSeed_OtherStaleness()
    {
        var first = Run(Config(FederatedOptimizer.FedBuff, seed: 4));
        var again = Run(Config(FederatedOptimizer.FedBuff, seed: 4));
        var other = Run(Config(FederatedOptimizer.FedBuff, seed: 5));

        static string Draws(ExperimentResult r) => string.Join(";", r.Rounds.Select(x => string.Join(",", x.Consumed!.Select(c => $"{c.ClientId}:{c.Staleness}"))));
        Assert.Equal(Draws(first), Draws(again));
        Assert.Equal(first.FinalGlobal, again.FinalGlobal);
        Assert.NotEqual(Draws(first), Draws(other));
        // Uniform on 0..3 over 8 steps of 3 clients: more than one staleness value occurs.
        Assert.True(first.Rounds.SelectMany(r => r.Consumed!).Select(c => c.Staleness).Distinct().Count() > 1);
    }

    [Fact]
    public void Run_ClientsTrainingInParallel_SameNumbersAsOneAfterAnother()
    {
        var serial = Run(Config(FederatedOptimizer.FedBuff, seed: 2));
        var parallel = Run(Config(FederatedOptimizer.FedBuff, seed: 2), new ConcurrentBackend(3));
        Assert.Equal(serial.FinalGlobal, parallel.FinalGlobal);
    }

    [Fact]
    public void Plan_FixedStaleness_EachClientTrainsFromTheGlobalModelOfThatManyStepsBack()
    {
        var backend = new GlobalRecordingBackend();
        var experiment = new Experiment(TestSetup.Of(Config(FederatedOptimizer.FedBuff, StalenessModel.Fixed, maxStaleness: 2), null), backend, Data(6));
        var server = experiment.CreateServer();
        var clients = experiment.CreateClients();
        var globals = new List<float[]> { server.Global.ToArray() };
        while (!server.Finished)
        {
            var plan = server.Plan();
            int expectedFrom = Math.Max(0, plan.Round - 2);
            Assert.All(plan.Sampled, id => Assert.Equal(globals[expectedFrom], plan.StartModel(id)));
            backend.TrainedFrom.Clear();
            var results = clients.Train(plan, plan.Sampled);
            Assert.All(backend.TrainedFrom, from => Assert.Equal(globals[expectedFrom], from));
            var record = server.Complete(plan, ClientTraining.Assemble(plan.Round, plan.Sampled, results.OfType<ClientResult>().ToDictionary(r => r.ClientId)));
            Assert.Equal(plan.Sampled, record.Consumed!.Select(c => c.ClientId));
            Assert.All(record.Consumed!, c => Assert.Equal((Math.Min(2, plan.Round), expectedFrom), (c.Staleness, c.TrainedFrom)));
            globals.Add(server.Global.ToArray());
        }

        Assert.Equal(8, globals.Count - 1);
    }

    [Fact]
    public void Consumed_InRoundsJsonl_RoundTripsWithSnakeCaseNames()
    {
        var record = Run(Config(FederatedOptimizer.FedBuff, seed: 4)).Rounds[3];
        string line = System.Text.Json.JsonSerializer.Serialize(record, FedSec.Output.JsonOptions.Lines);
        Assert.Contains("\"consumed\":[{\"client_id\":", line, StringComparison.Ordinal);
        Assert.Contains("\"trained_from\":", line, StringComparison.Ordinal);

        var read = System.Text.Json.JsonSerializer.Deserialize<RoundRecord>(line, FedSec.Output.JsonOptions.Lines)!;
        Assert.Equal(record.Consumed, read.Consumed);
    }

    [Fact]
    public void Run_Synchronous_RecordsNoConsumedUpdates()
    {
        var result = Run(Config(FederatedOptimizer.FedAvg, StalenessModel.None));
        Assert.All(result.Rounds, r => Assert.Null(r.Consumed));
        Assert.DoesNotContain("consumed", System.Text.Json.JsonSerializer.Serialize(result.Rounds[0], FedSec.Output.JsonOptions.Lines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FederatedOptimizer.FedBuff)]
    [InlineData(FederatedOptimizer.FedAsync)]
    public void ResumeAt_WithTheStateAfterTwoSteps_ContinuesLikeTheUninterruptedRun(FederatedOptimizer optimizer)
    {
        // The stale clients of steps 2.. train from models of steps 0-1, which only the written state holds.
        var config = Config(optimizer, perRound: optimizer == FederatedOptimizer.FedAsync ? 1 : 3);
        var experiment = new Experiment(TestSetup.Of(config, null), new FakeBackend(), Data(6));
        var done = experiment.Run();
        var clients = experiment.CreateClients();
        void Step(ExperimentServer server)
        {
            var plan = server.Plan();
            var byId = clients.Train(plan, plan.Sampled).OfType<ClientResult>().ToDictionary(r => r.ClientId);
            server.Complete(plan, ClientTraining.Assemble(plan.Round, plan.Sampled, byId));
        }

        var first = experiment.CreateServer();
        Step(first);
        Step(first);

        using var state = new MemoryStream();
        using (var writer = new BinaryWriter(state, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            first.WriteState(writer);
        }

        var resumed = experiment.CreateServer();
        resumed.ResumeAt(first.Records.ToList(), first.Global);
        state.Position = 0;
        resumed.ReadState(new BinaryReader(state));
        while (!resumed.Finished)
        {
            Step(resumed);
        }

        Assert.Contains(done.Rounds.Skip(2), r => r.Consumed!.Any(c => c.Staleness > 0));
        Assert.Equal(done.FinalGlobal, resumed.Global);
        Assert.Equal(done.Rounds.Select(r => r.Accuracy), resumed.Records.Select(r => r.Accuracy));
    }

    [Fact]
    public void Run_FedSgd_ClientsTrainWithAOneStepLimit()
    {
        var backend = new FakeBackend();
        Run(Config(FederatedOptimizer.FedSgd, StalenessModel.None), backend);
        Assert.All(backend.TrainedWith, s => Assert.Equal(1, s.MaxSteps));
        var plain = new FakeBackend();
        Run(Config(FederatedOptimizer.FedAvg, StalenessModel.None), plain);
        Assert.All(plain.TrainedWith, s => Assert.Equal(0, s.MaxSteps));
    }

    [Fact]
    public void Run_FedNovaWithFakeBackendsOneStepEach_IsFedAvg()
    {
        // The fake backend reports one step for every client: equal τ, so FedNova is FedAvg.
        var nova = Run(Config(FederatedOptimizer.FedNova, StalenessModel.None));
        var fedAvg = Run(Config(FederatedOptimizer.FedAvg, StalenessModel.None));
        for (int j = 0; j < fedAvg.FinalGlobal.Length; j++)
        {
            Assert.Equal(fedAvg.FinalGlobal[j], nova.FinalGlobal[j], 5);
        }
    }
}
