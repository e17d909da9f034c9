using FedSec.Configuration;
using FedSec.Network.Server;
using FedSec.Network.Tests.TestSupport;
using FedSec.Simulation;

namespace FedSec.Network.Tests.Server;

/// <summary>
/// An honest client whose training diverges in a securely aggregated distributed run: its node reports the divergence
/// with the client's keys instead of its update, and the server ends the run there (the default) or, under
/// <c>train_args.on_divergence: drop</c>, leaves the client out before the masking, so the others' masks still cancel;
/// both with the numbers of the simulated secure aggregation under the same rule.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class SecureAggregationDivergenceTests
{
    // Client 1 of the four (6 samples) NaNs every round.
    private const int Honest = 1;

    private static Experiment Create(ExperimentConfig config) =>
        FakeExperiment.Secure(config, shares: 4, threshold: 2, backend: new NaNClientBackend(samples: 5 + Honest));

    [Fact]
    public async Task Run_HonestClientDivergesEveryRound_DropPolicy_LeftOutOfTheAggregation_SameRecordsAndModelAsSimulated()
    {
        var config = FakeExperiment.SecureConfig(rounds: 3) with { OnDivergence = DivergencePolicy.Drop };
        var simulated = Create(config).Run();
        await using var federation = await LocalFederation.StartAsync(config, create: Create);
        var nodes = new[] { federation.Node("a", [0, 3]).RunAsync(), federation.Node("b", [1, 2]).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);

        Assert.Equal(RunStatus.Completed, simulated.Status);
        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(ComparableRounds.Lines(simulated.Rounds), ComparableRounds.Lines(result.Rounds));
        Assert.Equal(simulated.FinalGlobal, result.FinalGlobal);
        Assert.All(result.FinalGlobal, w => Assert.True(float.IsFinite(w)));
        Assert.NotEqual(Create(config).CreateServer().Global, result.FinalGlobal);
        Assert.All(federation.Completed, r =>
        {
            // Left out as a divergence, not as a client that dropped out of the masking.
            Assert.Equal(Honest, Assert.Single(r.Dropped!).Client);
            Assert.Equal(1, r.Metrics[ExperimentServer.HonestDivergedMetric]);
            Assert.Equal(0, r.Metrics["secagg_dropped"]);
        });
        Assert.Equal(0, federation.Coordinator.PlainUpdatesOpened);
    }

    [Fact]
    public async Task Run_HonestClientDiverges_DefaultPolicy_TheRunDivergesAtThatClient_ItsModelWithheld_ThePreviousModelIsEvaluated()
    {
        var config = FakeExperiment.SecureConfig(rounds: 3);
        var simulated = Create(config).Run();
        await using var federation = await LocalFederation.StartAsync(config, create: Create);
        var nodes = new[] { federation.Node("a", [0, 3]).RunAsync(), federation.Node("b", [1, 2]).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);

        // The simulation evaluates the client's non-finite local model; the node never sends it (it would reveal the
        // client's update), so the server evaluates the model the round started from. The rest of the record agrees.
        var start = Create(config).CreateServer().Global;
        var expected = new FakeBackend().Evaluate(start, FakeBackend.Data(7, 0));
        Assert.Equal(RunStatus.Diverged, simulated.Status);
        Assert.True(double.IsNaN(simulated.Rounds[0].Accuracy!.Value));
        Assert.Equal(RunStatus.Diverged, result.Status);
        Assert.Equal((0, Honest), (result.Diverged!.Round, result.Diverged.ClientId));
        Assert.Equal(start, result.FinalGlobal);
        Assert.Equal((expected.Accuracy, expected.Loss), (result.Rounds[0].Accuracy, result.Rounds[0].Loss));
        Assert.Equal(
            ComparableRounds.Lines(simulated.Rounds.Select(r => r with { Accuracy = null, Loss = null })),
            ComparableRounds.Lines(result.Rounds.Select(r => r with { Accuracy = null, Loss = null })));
        Assert.Equal(0, federation.Coordinator.PlainUpdatesOpened);
    }
}
