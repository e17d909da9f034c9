using FedSec.Attacks.Byzantine;
using FedSec.Configuration;
using FedSec.Defenses.Krum;
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
        Experiment Create(ExperimentConfig c) => new(
            TestSetup.Of(c, new ByzantineAttack(new ByzantineOptions { Mode = ByzantineMode.Random, ClientNum = 1 }), new KrumDefense(new KrumOptions { ByzantineClientNum = 1, M = 2 })),
            new NaNClientBackend(samples: 5 + attacker),
            new ExperimentData(Enumerable.Range(0, c.ClientNumInTotal).Select(i => FakeBackend.Data(5 + i, i % 10)).ToArray(), FakeBackend.Data(7, 0)));

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
