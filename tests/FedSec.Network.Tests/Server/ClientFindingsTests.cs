using FedSec.Configuration;
using FedSec.Network.Tests.TestSupport;
using FedSec.Simulation;

namespace FedSec.Network.Tests.Server;

/// <summary>
/// An attack whose attacker's side needs what its clients found while training (3DFed's curvature) gets it in a
/// distributed run: the attacker's nodes send their findings with their malicious clients' updates, the server merges
/// them before the attack stage, and the run gives the simulation's numbers.
/// </summary>
[Collection(OneAtATime.Name)]
public class ClientFindingsTests
{
    [Fact]
    public async Task Run_AttackersOnTwoNodes_ServerAttacksWithEveryClientsFindings_AsTheSimulation()
    {
        var config = FakeExperiment.Config(rounds: 3) with { EnableAttack = true, AttackType = "fake_findings", EnableDefense = false, DefenseTypes = [] };
        var simulatedAttacks = new List<FakeFindingsAttack>();
        var simulated = Create(config, simulatedAttacks).Run();
        var made = new List<FakeFindingsAttack>();
        await using var federation = await LocalFederation.StartAsync(config, create: c => Create(c, made));
        var nodes = new[] { federation.Node("a", [0, 3]).RunAsync(), federation.Node("b", [1, 2]).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);

        // Clients 2 (node b) and 3 (node a) attack: round r finds (r + 1)·3 + (r + 1)·4.
        Assert.Equal([7L, 14L, 21L], Assert.Single(simulatedAttacks).Applied);
        Assert.Contains(made, a => a.Applied.SequenceEqual([7L, 14L, 21L]));
        Assert.Equal(ComparableRounds.Lines(simulated.Rounds), ComparableRounds.Lines(result.Rounds));
    }

    [Fact]
    public async Task Run_FindingsLargerThanAMessage_TravelInChunks_AsTheSimulation()
    {
        // 5 MB a client, over gRPC's 4 MB cap on one message: 3DFed's curvature of FedML's cnn (a 1.2M-weight layer)
        // is 4.7 MB.
        const int padding = 5 << 20;
        var config = FakeExperiment.Config(rounds: 2) with { EnableAttack = true, AttackType = "fake_findings", EnableDefense = false, DefenseTypes = [] };
        var simulated = Create(config, [], padding).Run();
        var made = new List<FakeFindingsAttack>();
        await using var federation = await LocalFederation.StartAsync(config, create: c => Create(c, made, padding));
        var nodes = new[] { federation.Node("a", [0, 3]).RunAsync(), federation.Node("b", [1, 2]).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);

        Assert.Contains(made, a => a.Applied.SequenceEqual([7L, 14L]));
        Assert.Equal(ComparableRounds.Lines(simulated.Rounds), ComparableRounds.Lines(result.Rounds));
        Assert.All(federation.Completed, r => Assert.Empty(r.Dropped!));
    }

    private static Experiment Create(ExperimentConfig config, List<FakeFindingsAttack> made, int padding = 0)
    {
        var attack = new FakeFindingsAttack(2, 3) { PaddingBytes = padding };
        lock (made)
        {
            made.Add(attack);
        }

        var test = FakeBackend.Data(7, 0);
        var data = Enumerable.Range(0, config.ClientNumInTotal).Select(i => FakeBackend.Data(5 + i, i % 10)).ToArray();
        return new Experiment(TestSetup.Of(config, attack), new FakeBackend(), new ExperimentData(data, test));
    }

}
