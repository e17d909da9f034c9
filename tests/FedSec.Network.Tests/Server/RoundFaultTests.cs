using FedSec.Network.Server;
using FedSec.Network.Tests.TestSupport;

namespace FedSec.Network.Tests.Server;

/// <summary>
/// Rounds under faults: a deadline, a lost node, too few reports (fail or retry). The deadlines and node timeouts are
/// 3 s, not 1: with the other test projects running beside them on two cores, the working node itself once missed a 1 s
/// heartbeat window.
/// </summary>
[Collection(OneAtATime.Name)]
public class RoundFaultTests
{
    private static Func<FederationOptions, FederationOptions> With(TimeSpan? roundTimeout = null, TimeSpan? nodeTimeout = null, ShortfallPolicy policy = ShortfallPolicy.Fail, TimeSpan? retryWait = null) =>
        o => new FederationOptions
        {
            RunId = o.RunId,
            ConfigYaml = o.ConfigYaml,
            JoinTimeout = o.JoinTimeout,
            HeartbeatInterval = o.HeartbeatInterval,
            RoundTimeout = roundTimeout,
            NodeTimeout = nodeTimeout ?? o.NodeTimeout,
            OnShortfall = policy,
            RetryWait = retryWait ?? o.RetryWait,
            Retries = 2,
        };

    [Fact]
    public async Task Run_ClientMissesTheDeadline_RoundGoesOnWithMinClientsAndRecordsIt()
    {
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(rounds: 2, minClients: 3), With(roundTimeout: TimeSpan.FromSeconds(3)));
        var silent = await RawNode.JoinAsync(federation, "silent", [3]);
        using var stop = new CancellationTokenSource();
        var alive = silent.KeepAliveAsync(stop.Token);
        var node = federation.Node("a", [0, 1, 2]).RunAsync();
        var result = await federation.Finished();
        await stop.CancelAsync();
        await Task.WhenAll(node, alive);
        Assert.Equal(2, result.Rounds.Count);
        Assert.All(federation.Completed, r => Assert.Equal("3: missed the 3 s deadline", string.Join(";", r.Dropped!.Select(d => $"{d.Client}: {d.Reason}"))));
        Assert.All(federation.Completed, r => Assert.DoesNotContain(r.Defenses.SelectMany(d => d.Verdicts), v => v.ClientId == 3));
    }

    [Fact]
    public async Task Run_NodeStopsHeartbeating_ItsClientDroppedAsLost()
    {
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(rounds: 1, minClients: 3), With(nodeTimeout: TimeSpan.FromSeconds(3)));
        await RawNode.JoinAsync(federation, "silent", [3]);
        var node = federation.Node("a", [0, 1, 2]).RunAsync();
        await federation.Finished();
        await node;
        var dropped = Assert.Single(Assert.Single(federation.Completed).Dropped!);
        Assert.Equal(3, dropped.Client);
        Assert.Equal("its node 'silent' stopped answering (no heartbeat for 3 s)", dropped.Reason);
    }

    [Fact]
    public async Task Run_FewerReportsThanMinClients_FailsNamingTheRoundAndTheMissingClient()
    {
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(rounds: 2), With(nodeTimeout: TimeSpan.FromSeconds(3)));
        await RawNode.JoinAsync(federation, "silent", [3]);
        var node = federation.Node("a", [0, 1, 2]).RunAsync();
        var error = await Assert.ThrowsAsync<FederationException>(federation.Finished);
        Assert.StartsWith("Round 1: 3 of 4 sampled clients reported, fewer than train_args.min_clients = 4 (client 3: its node 'silent' stopped answering", error.Message, StringComparison.Ordinal);
        Assert.Empty(federation.Completed);
        var told = await Assert.ThrowsAsync<FederationException>(() => node);
        Assert.Equal($"The server stopped the run: {error.Message}", told.Message);
    }

    [Fact]
    public async Task Run_ServerStoppedBeforeTheEnd_AWaitingNodeIsToldHowToContinue()
    {
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(rounds: 2));
        var waiting = await RawNode.JoinAsync(federation, "waiting", [0]);

        federation.Stop();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => federation.Run);
        var told = await waiting.RunEndAsync(-1);
        Assert.Equal(("failed", FederationCoordinator.StoppedMessage), (told!.Status, told.Message));
        Assert.Contains("--resume", told.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NodeLeavesMidRound_ItsClientDroppedAtOnceWithItsReason()
    {
        // The node heartbeats and the round has no deadline: only its leaving lets the round close.
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(rounds: 1, minClients: 3), With(nodeTimeout: TimeSpan.FromSeconds(60)));
        var leaving = await RawNode.JoinAsync(federation, "leaving", [3]);
        using var stop = new CancellationTokenSource();
        var alive = leaving.KeepAliveAsync(stop.Token);
        var node = federation.Node("a", [0, 1, 2]).RunAsync();
        federation.WaitUntilLogged("[a] Round 1: training", "round 1 to start");
        await leaving.LeaveAsync("its data\n differs\u0007" + new string('x', 400));
        await federation.Finished();
        await stop.CancelAsync();
        await Task.WhenAll(node, alive);
        var dropped = Assert.Single(Assert.Single(federation.Completed).Dropped!);
        Assert.Equal(3, dropped.Client);
        Assert.Equal("its node 'leaving' left: its data differs" + new string('x', 300 - "its data differs".Length), dropped.Reason);
    }

    [Fact]
    public async Task Run_EndsAfterANodeWasLost_TheLostNodeLearnsHowItEndedAndANewOneIsRefusedWithIt()
    {
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(rounds: 2), With(nodeTimeout: TimeSpan.FromSeconds(3)));
        var silent = await RawNode.JoinAsync(federation, "silent", [3]);
        var node = federation.Node("a", [0, 1, 2]).RunAsync();
        var error = await Assert.ThrowsAsync<FederationException>(federation.Finished);
        await Assert.ThrowsAsync<FederationException>(() => node);

        var end = await silent.RunEndAsync(afterRound: -1);
        Assert.NotNull(end);
        Assert.Equal(("failed", error.Message), (end.Status, end.Message));
        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => RawNode.JoinAsync(federation, "late", [3]));
        Assert.Equal(Grpc.Core.StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal($"The run is over (failed: {error.Message}); this server takes no more nodes.", refused.Status.Detail);
    }

    [Fact]
    public async Task Run_RetryAndTheLostClientComesBack_RoundCompletesWithEveryClient()
    {
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(rounds: 1), With(nodeTimeout: TimeSpan.FromSeconds(3), policy: ShortfallPolicy.Retry, retryWait: TimeSpan.FromSeconds(30)));
        await RawNode.JoinAsync(federation, "silent", [3]);
        var node = federation.Node("a", [0, 1, 2]).RunAsync();
        federation.WaitUntilLogged("retry 1 of 2", "the round to be retried");
        var back = federation.Node("back", [3]).RunAsync();
        await federation.Finished();
        await Task.WhenAll(node, back);
        Assert.Empty(Assert.Single(federation.Completed).Dropped!);
    }
}
