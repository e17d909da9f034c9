using FedSec.Configuration;
using FedSec.Network.Tests.TestSupport;
using FedSec.Simulation;

namespace FedSec.Network.Tests.Server;

/// <summary>
/// An attack whose attacker's side tells some malicious clients what to train before they do (3DFed's decoys) gets
/// each directive to the node hosting that client, in the task, and the run gives the simulation's numbers.
/// </summary>
[Collection(OneAtATime.Name)]
public class ClientDirectivesTests
{
    [Fact]
    public async Task Run_AttackersOnTwoNodes_EachDirectiveReachesItsClientsNode_AsTheSimulation()
    {
        var config = FakeExperiment.Config(rounds: 4) with { EnableAttack = true, AttackType = "fake_directing", EnableDefense = false, DefenseTypes = [] };
        var simulatedAttacks = new List<FakeDirectingAttack>();
        var simulated = Create(config, simulatedAttacks).Run();
        var made = new List<FakeDirectingAttack>();
        await using var federation = await LocalFederation.StartAsync(config, create: c => Create(c, made));
        var nodes = new[] { federation.Node("a", [0, 3]).RunAsync(), federation.Node("b", [1, 2]).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);

        var expected = Assert.Single(simulatedAttacks).Seen.Order().ToArray();
        Assert.Equal(4, expected.Length);
        Assert.Equal(expected, made.SelectMany(a => a.Seen).Order().ToArray());
        Assert.Equal(ComparableRounds.Lines(simulated.Rounds), ComparableRounds.Lines(result.Rounds));
    }

    private static Experiment Create(ExperimentConfig config, List<FakeDirectingAttack> made)
    {
        var attack = new FakeDirectingAttack(2, 3);
        lock (made)
        {
            made.Add(attack);
        }

        var test = FakeBackend.Data(7, 0);
        var data = Enumerable.Range(0, config.ClientNumInTotal).Select(i => FakeBackend.Data(5 + i, i % 10)).ToArray();
        return new Experiment(TestSetup.Of(config, attack), new FakeBackend(), new ExperimentData(data, test));
    }
}
