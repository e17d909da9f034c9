using FedSec.Configuration;
using FedSec.Network.Tests.TestSupport;
using FedSec.Simulation;

namespace FedSec.Network.Tests.Server;

/// <summary>A malicious client whose own training diverges, in a distributed run: left out of each round as in the simulation.</summary>
[Collection(OneAtATime.Name)]
public sealed class MaliciousDivergenceRunTests
{
    [Fact]
    public async Task Run_MaliciousClientsTrainingDivergesOnItsNode_LeftOutOfEveryRound_SameRecordsAndModelAsTheSimulation()
    {
        var config = FakeExperiment.Config(rounds: 3);
        int attacker = FakeExperiment.Create(config).Run().Rounds[0].Attacked.Single();
        Experiment Create(ExperimentConfig c) => FakeExperiment.Create(c, fingerprint: null, new NaNClientBackend(samples: 5 + attacker));

        var simulated = Create(config).Run();
        await using var federation = await LocalFederation.StartAsync(config, create: Create);
        var nodes = new[] { federation.Node("a", [0, 3]).RunAsync(), federation.Node("b", [1, 2]).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);

        Assert.Equal(RunStatus.Completed, simulated.Status);
        Assert.Equal(3, simulated.Rounds.Count);
        Assert.All(simulated.Rounds, r => Assert.Equal(attacker, Assert.Single(r.Dropped!).Client));
        Assert.Equal(ComparableRounds.Lines(simulated.Rounds), ComparableRounds.Lines(result.Rounds));
        Assert.Equal(simulated.FinalGlobal, result.FinalGlobal);
        Assert.All(federation.Completed, r => Assert.Equal(
            $"client {attacker}'s local training produced NaN at w[1] (a malicious client: its non-finite update is left out and the round goes on)",
            Assert.Single(r.Dropped!).Reason));
    }
}
