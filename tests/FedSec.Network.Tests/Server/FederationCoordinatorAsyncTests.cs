using FedSec.Configuration;
using FedSec.Network.Tests.TestSupport;
using FedSec.Simulation;
using FedSec.Testing;

namespace FedSec.Network.Tests.Server;

/// <summary>
/// Asynchronous runs (FedAsync, FedBuff) served to nodes: each task carries its clients' staleness and the older global
/// models they start from, so the distributed run equals the simulation.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class FederationCoordinatorAsyncTests
{

    [Fact]
    public async Task Run_FedBuffWithStaleClientsOnTwoNodes_SameRecordsAndModelAsTheSimulation()
    {
        // Byzantine client and Krum as in the synchronous equivalence test; staleness drawn uniformly up to 2 steps. The
        // attack is forged at the server although nodes forge by default: FedBuff rescales each update before it.
        var config = FakeExperiment.Config(rounds: 5) with { FederatedOptimizer = FederatedOptimizer.FedBuff, StalenessModel = StalenessModel.Uniform, MaxStaleness = 2 };
        var simulated = FakeExperiment.Create(config).Run();
        await using var federation = await LocalFederation.StartAsync(config);
        var nodes = new[] { federation.Node("a", [0, 3]).RunAsync(), federation.Node("b", [1, 2]).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);

        Assert.Contains(simulated.Rounds, r => r.Consumed!.Count(c => c.Staleness > 0) >= 2);
        Assert.Equal(ComparableRounds.Lines(simulated.Rounds), ComparableRounds.Lines(result.Rounds));
        Assert.Equal(simulated.FinalGlobal, result.FinalGlobal);
        Assert.All(federation.Completed, r => Assert.Equal("server", r.AttackRanAt!["model_poisoning"]));
        Assert.Contains("The own-update attack runs at the server: federated_optimizer FedBuff rescales", federation.Logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FedAsyncOneClientAStep_SameRecordsAndModelAsTheSimulation()
    {
        var config = FakeExperiment.SecureConfig(rounds: 6) with
        {
            ClientNumPerRound = 1,
            FederatedOptimizer = FederatedOptimizer.FedAsync,
            StalenessModel = StalenessModel.Uniform,
            MaxStaleness = 3,
        };
        Experiment Create(ExperimentConfig c) => new(
            TestSetup.Of(c, null),
            new FakeBackend(),
            new ExperimentData(Enumerable.Range(0, c.ClientNumInTotal).Select(i => FakeBackend.Data(5 + i, i % 10)).ToArray(), FakeBackend.Data(7, 0)));
        var simulated = Create(config).Run();
        await using var federation = await LocalFederation.StartAsync(config, create: Create);
        var nodes = new[] { federation.Node("a", [0, 1]).RunAsync(), federation.Node("b", [2, 3]).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);

        Assert.Contains(simulated.Rounds, r => r.Consumed![0].Staleness > 0);
        Assert.Equal(ComparableRounds.Lines(simulated.Rounds), ComparableRounds.Lines(result.Rounds));
        Assert.Equal(simulated.FinalGlobal, result.FinalGlobal);
    }
}
