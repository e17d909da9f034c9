using FedSec.Network.Tests.TestSupport;
using FedSec.Simulation;

namespace FedSec.Network.Tests.Server;

/// <summary>In-process distributed runs of a model-free experiment against its simulation.</summary>
[Collection(OneAtATime.Name)]
public class DistributedEquivalenceTests
{

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Run_TwoNodesOverLoopback_SameRecordsAndModelAsTheSimulation(bool forgeAtClients)
    {
        var config = FakeExperiment.Config(rounds: 3);
        var simulated = FakeExperiment.Create(config).Run();
        await using var federation = await LocalFederation.StartAsync(config, o => new() { RunId = o.RunId, ConfigYaml = o.ConfigYaml, OwnUpdateAttacksAtClients = forgeAtClients });
        var nodes = new[] { federation.Node("a", [0, 3]).RunAsync(), federation.Node("b", [1, 2]).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);
        Assert.Equal(ComparableRounds.Lines(simulated.Rounds), ComparableRounds.Lines(result.Rounds));
        Assert.Equal(simulated.FinalGlobal, result.FinalGlobal);
        Assert.All(federation.Completed, r => Assert.Empty(r.Dropped!));
        Assert.All(federation.Completed, r => Assert.Equal(forgeAtClients ? "client" : "server", r.AttackRanAt!["model_poisoning"]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Run_ExactSum_StreamedOrHeld_SameRecordsAndModelAsTheSimulation(bool forgeAtClients)
    {
        // Forged at the clients, every round is aggregated as the updates arrive; forged in the server (the attack needs
        // the round's updates), the attacked rounds hold them. The simulation streams its unattacked rounds.
        var config = FakeExperiment.Config(rounds: 3, exactSum: true);
        var simulated = FakeExperiment.Create(config).Run();
        await using var federation = await LocalFederation.StartAsync(config, o => new() { RunId = o.RunId, ConfigYaml = o.ConfigYaml, OwnUpdateAttacksAtClients = forgeAtClients });
        var nodes = new[] { federation.Node("a", [3, 1]).RunAsync(), federation.Node("b", [0]).RunAsync(), federation.Node("c", [2]).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);
        Assert.Equal(ComparableRounds.Lines(simulated.Rounds), ComparableRounds.Lines(result.Rounds));
        Assert.Equal(simulated.FinalGlobal, result.FinalGlobal);
        Assert.Contains(simulated.Rounds, r => r.Attacked.Count > 0);
        Assert.Contains(simulated.Rounds.SelectMany(r => r.Defenses).SelectMany(d => d.Verdicts), v => v.Kind == FedSec.Stages.VerdictKind.Modified);
        Assert.Equal(forgeAtClients || simulated.Rounds.Any(r => r.Attacked.Count == 0), federation.Logged.Contains("aggregating updates as they arrive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_TwoNodesOfTheSameNameHostingOtherClients_BothStayAndTheRunEqualsTheSimulation()
    {
        // Two `fedsec client` on one machine both default to its host name: the second join must not evict the first
        // (they evicted each other in turn until the join timeout).
        var config = FakeExperiment.Config(rounds: 2);
        var simulated = FakeExperiment.Create(config).Run();
        await using var federation = await LocalFederation.StartAsync(config);
        var nodes = new[] { federation.Node("vm", [0, 1]).RunAsync(), federation.Node("vm", [2, 3]).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);

        Assert.Equal(ComparableRounds.Lines(simulated.Rounds), ComparableRounds.Lines(result.Rounds));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(federation.Logged, "node 'vm' joined"));
    }
}
