using FedSec.Network.Protocol;
using FedSec.Network.Security;
using FedSec.Network.Server;
using FedSec.Network.Tests.TestSupport;
using FedSec.Network.Transport;
using FedSec.Privacy.SecureAggregation;

namespace FedSec.Network.Tests.Security;

/// <summary>
/// Secure aggregation's messages over TLS with node keys: signed messages of real nodes are accepted all the way to the
/// unmasked sum; a message signed by another key, a replayed one, and one of a step the protocol has left are rejected
/// naming the client.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class SecureAggregationSignatureTests : IDisposable
{
    private readonly TestCertificates _certs = new();

    public void Dispose() => _certs.Dispose();

    private Task<LocalFederation> Start(int rounds, int minClients = 0) => LocalFederation.StartAsync(
        FakeExperiment.SecureConfig(rounds) with { MinClients = minClients },
        o => new FederationOptions { RunId = o.RunId, ConfigYaml = o.ConfigYaml, AllowList = _certs.Allow, HeartbeatInterval = o.HeartbeatInterval, NodeTimeout = o.NodeTimeout },
        certificate: _certs.Server,
        create: c => FakeExperiment.Secure(c, 4, 3));

    [Fact]
    public async Task SignedNodes_EveryMessageVerifies_RunEqualsTheSimulation()
    {
        using var keyA = _certs.NodeKey(0);
        using var keyB = _certs.NodeKey(1);
        var simulated = FakeExperiment.Secure(FakeExperiment.SecureConfig(2), 4, 3).Run();
        await using var federation = await Start(rounds: 2);
        var nodes = new[] { federation.Node("a", [0, 1], keyA, _certs.Ca).RunAsync(), federation.Node("b", [2, 3], keyB, _certs.Ca).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);
        Assert.DoesNotContain("Rejected", federation.Logged, StringComparison.Ordinal);
        Assert.Equal(simulated.FinalGlobal, result.FinalGlobal);
        Assert.All(federation.Completed, r => Assert.Null(r.Failure));
    }

    [Fact]
    public async Task OtherKeysSignature_Replay_AnEarlierStep_AndAStateOutsideAReport_RejectedNamingTheClient()
    {
        using var keyA = _certs.NodeKey(0);
        using var keyB = _certs.NodeKey(1);
        // min_clients 3: the round goes on without the client whose report is rejected.
        await using var federation = await Start(rounds: 1, minClients: 3);
        using var stop = new CancellationTokenSource();
        var a = federation.Node("a", [0, 1], keyA, _certs.Ca).RunAsync(stop.Token);
        var raw = await RawNode.JoinAsync(federation, "b", [2, 3], keyB, _certs.Ca);
        var alive = raw.KeepAliveAsync(stop.Token);
        try
        {
            await raw.NextTaskAsync(-1);
            using var two = SecAggClient.Unassigned(2);
            using var three = SecAggClient.Unassigned(3);
            SecAggHeader Report(SecAggClient c) => new() { Round = 0, Client = c.Id, Step = SecAggStep.SecaggReport, Keys = SecAggWire.ToWire(c.Advertise()), SampleCount = 5, MeanLoss = 0.5 };

            // Client 3 reports, then replays; the round still waits for client 2, so it is at its report step (the replay
            // once raced the round's move to the share step when client 3 was the last it waited for).
            Assert.True((await raw.SecAggAsync(Report(three), key: keyB)).Accepted);
            var replay = await raw.SecAggAsync(Report(three), key: keyB);
            Assert.False(replay.Accepted);
            Assert.Contains("does not want client 3's report", replay.Reason, StringComparison.Ordinal);

            // A report signed with another node's key: rejected, and client 2 (its own node sent it) is out of the round.
            var forged = await raw.SecAggAsync(Report(two), key: keyA);
            Assert.False(forged.Accepted);
            Assert.Contains("Rejected client 2's secure-aggregation report message", forged.Reason, StringComparison.Ordinal);
            Assert.Contains("its signature does not verify with node 'b''s key", forged.Reason, StringComparison.Ordinal);

            // Once the shares step started, a report is a message of a step the protocol has left.
            var shares = await raw.SecAggNextAsync(0, SecAggStep.SecaggReport);
            Assert.Equal(SecAggStep.SecaggShares, shares.Step);
            Assert.Equal([3], shares.Clients.Select(t => t.Client));
            var late = await raw.SecAggAsync(Report(three), key: keyB);
            Assert.Contains("secure aggregation is at its share step, not the report step", late.Reason, StringComparison.Ordinal);
            Assert.Contains("Rejected client 2's secure-aggregation report message", federation.Logged, StringComparison.Ordinal);

            // A message of another step that announces an attack state: only a report carries one.
            var withState = await raw.SecAggAsync(new SecAggHeader { Round = 0, Client = 3, Step = SecAggStep.SecaggShares, AttackStateLength = 5 }, key: keyB);
            Assert.False(withState.Accepted);
            Assert.Contains("it announces an attack state with its share message; only a report carries one", withState.Reason, StringComparison.Ordinal);
        }
        finally
        {
            // Also when an assertion fails: a node kept alive that never answers would hold the server's step until its deadline.
            await stop.CancelAsync();
        }

        await alive;
        await Assert.ThrowsAnyAsync<Exception>(() => a);
    }
}
