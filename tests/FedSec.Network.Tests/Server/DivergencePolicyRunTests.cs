using FedSec.Configuration;
using FedSec.Network.Server;
using FedSec.Network.Tests.TestSupport;
using FedSec.Simulation;

namespace FedSec.Network.Tests.Server;

/// <summary>
/// <c>train_args.on_divergence: drop</c>: a server that does not trust its nodes' reports of an honest divergence leaves
/// the client out and goes on, with the numbers of the same rounds run in one process under that rule.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class DivergencePolicyRunTests
{
    // Three rounds of the fake experiment whose first honest client's training NaNs every round.
    private static (ExperimentConfig Config, int Honest, Func<ExperimentConfig, Experiment> Create) HonestClientDiverging()
    {
        var config = FakeExperiment.Config(rounds: 3);
        int attacker = FakeExperiment.Create(config).Run().Rounds[0].Attacked.Single();
        int honest = Enumerable.Range(0, config.ClientNumInTotal).First(c => c != attacker);
        return (config, honest, c => FakeExperiment.Create(c, fingerprint: null, new NaNClientBackend(samples: 5 + honest)));
    }

    [Fact]
    public async Task Run_HonestClientDivergesEveryRound_DropPolicy_LeftOutOfEveryRound_SameRecordsAndModelAsInProcess()
    {
        var (config, honest, create) = HonestClientDiverging();
        config = config with { OnDivergence = DivergencePolicy.Drop };

        var inProcess = create(config).Run();
        await using var federation = await LocalFederation.StartAsync(config, create: create);
        var nodes = new[] { federation.Node("a", [0, 3]).RunAsync(), federation.Node("b", [1, 2]).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(3, result.Rounds.Count);
        Assert.Equal(ComparableRounds.Lines(inProcess.Rounds), ComparableRounds.Lines(result.Rounds));
        Assert.Equal(inProcess.FinalGlobal, result.FinalGlobal);
        Assert.All(federation.Completed, r =>
        {
            Assert.Equal(
                $"client {honest}'s local training produced NaN at w[1] (left out: this server drops every client whose training diverged and goes on)",
                Assert.Single(r.Dropped!).Reason);
            Assert.Equal(1, r.Metrics[ExperimentServer.HonestDivergedMetric]);
        });
    }

    [Fact]
    public async Task Run_HonestClientDiverges_DefaultPolicy_TheRunDivergesThereAsInTheSimulation_NotFailsAsAShortfall()
    {
        var (config, honest, create) = HonestClientDiverging();

        var simulated = create(config).Run();
        await using var federation = await LocalFederation.StartAsync(config, create: create);
        var nodes = new[] { federation.Node("a", [0, 3]).RunAsync(), federation.Node("b", [1, 2]).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);

        // The round needs no client after the diverged one: it once waited for all four (min_clients) and failed.
        Assert.Equal(RunStatus.Diverged, simulated.Status);
        Assert.Equal((0, honest), (result.Diverged!.Round, result.Diverged.ClientId));
        Assert.Equal(ComparableRounds.Lines(simulated.Rounds), ComparableRounds.Lines(result.Rounds));
    }
}
