using System.Text.Json;
using FedSec.Network.Protocol;
using FedSec.Network.Tests.TestSupport;
using FedSec.Network.Transport;
using FedSec.Output;
using FedSec.Privacy.SecureAggregation;
using FedSec.Simulation;

namespace FedSec.Network.Tests.Server;

/// <summary>
/// Secure aggregation in a distributed run, in process over loopback: nodes run FedSec.Privacy's clients, the server
/// only sums masked vectors, and since the masked sum is exact arithmetic mod 2³² on the same fixed-point values the
/// run equals the simulated secure aggregation bit for bit; dropouts after the masked input are recovered from shares
/// or fail the round cleanly; hostile messages are rejected naming the client.
/// </summary>
[Collection(OneAtATime.Name)]
public class SecureAggregationRunTests
{
    private static string[] Lines(IEnumerable<RoundRecord> records) =>
        records.Select(r => JsonSerializer.Serialize(r with { Seconds = 0, Dropped = null, AttackRanAt = null }, JsonOptions.Lines)).ToArray();

    [Fact]
    public async Task Run_TwoNodes_SameRecordsAndModelAsSimulatedSecureAggregation_AndNoPlainUpdate()
    {
        var config = FakeExperiment.SecureConfig(rounds: 3);
        var simulated = FakeExperiment.Secure(config, shares: 4, threshold: 3).Run();
        await using var federation = await LocalFederation.StartAsync(config, create: c => FakeExperiment.Secure(c, 4, 3));
        var nodes = new[] { federation.Node("a", [0, 3]).RunAsync(), federation.Node("b", [1, 2]).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);

        Assert.True(federation.Coordinator.SecureAggregation);
        Assert.Equal(Lines(simulated.Rounds), Lines(result.Rounds));
        Assert.Equal(simulated.FinalGlobal, result.FinalGlobal);
        Assert.NotEqual(FakeExperiment.Secure(config, 4, 3).CreateServer().Global, result.FinalGlobal);
        Assert.All(result.Rounds, r => Assert.Equal(0, r.Metrics["secagg_dropped"]));
        Assert.All(federation.Completed, r => Assert.Empty(r.Dropped!));
        Assert.Equal(0, federation.Coordinator.PlainUpdatesOpened);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_EveryOtherSecAggCallOfANodeFails_TheNodeRepeatsItAndTheRunEqualsTheSimulation(bool answerLost)
    {
        // A connection reset on every other poll and message of node a: lost before the server saw it, or after the
        // server took it (then the repeat is refused as sent already, and the client stays in the aggregation).
        var config = FakeExperiment.SecureConfig(rounds: 2);
        var simulated = FakeExperiment.Secure(config, shares: 4, threshold: 3).Run();
        var flaky = new FlakyNetwork(answerLost, "SecAggNext", "SecAggSend");
        await using var federation = await LocalFederation.StartAsync(config, create: c => FakeExperiment.Secure(c, 4, 3));
        var nodes = new[] { federation.Node("a", [0, 3], interceptor: flaky).RunAsync(), federation.Node("b", [1, 2]).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);

        Assert.True(flaky.Failed >= 8, $"only {flaky.Failed} calls failed");
        Assert.Contains("trying again", federation.Logged, StringComparison.Ordinal);
        Assert.Equal(Lines(simulated.Rounds), Lines(result.Rounds));
        Assert.Equal(simulated.FinalGlobal, result.FinalGlobal);
        Assert.All(federation.Completed, r => Assert.Empty(r.Dropped!));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task NodeLostAfterItsMaskedInput_RecoveredWithThresholdShares_ElseTheRoundFailsAndIsRecorded(int threshold)
    {
        // Clients 2 and 3's self-mask seeds are shared among all four; once their node is gone, clients 0 and 1 hold two shares of each.
        var config = FakeExperiment.SecureConfig(rounds: 1);
        var simulated = FakeExperiment.Secure(config, shares: 4, threshold: threshold).Run();
        await using var federation = await LocalFederation.StartAsync(config, create: c => FakeExperiment.Secure(c, 4, threshold));
        using var stopB = new CancellationTokenSource();
        var a = federation.Node("a", [0, 1]).RunAsync();
        var b = federation.Node("b", [2, 3], afterSecAggStep: step =>
        {
            if (step == SecAggStep.SecaggMasked)
            {
                stopB.Cancel();
            }
        }).RunAsync(stopB.Token);
        var result = await federation.Finished();
        await a;
        // The stopped node tells the server it leaves, and ends cancelled.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b);
        Assert.True(stopB.IsCancellationRequested);

        var record = Assert.Single(federation.Completed);
        Assert.Equal([2, 3], record.Dropped!.Select(d => d.Client));
        Assert.All(record.Dropped!, d => Assert.Equal("its node left in secure aggregation's unmasking step: it was stopped", d.Reason));
        if (threshold == 2)
        {
            Assert.Null(record.Failure);
            Assert.Equal(Lines(simulated.Rounds), Lines(result.Rounds));
            Assert.Equal(simulated.FinalGlobal, result.FinalGlobal);
        }
        else
        {
            Assert.Contains("has 2 surviving shares and reconstruction_threshold is 3", record.Failure);
            Assert.Equal(FakeExperiment.Secure(config, 4, threshold).CreateServer().Global, result.FinalGlobal);
            Assert.Contains("secure aggregation failed", federation.Logged);
        }
    }

    [Fact]
    public async Task HostileMessages_RejectedWithAReasonNamingTheClient_AndNoPlainUpdateIsTaken()
    {
        var config = FakeExperiment.SecureConfig(rounds: 1);
        await using var federation = await LocalFederation.StartAsync(config, create: c => FakeExperiment.Secure(c, 4, 2));
        using var stop = new CancellationTokenSource();
        var a = federation.Node("a", [0, 1]).RunAsync(stop.Token);
        var raw = await RawNode.JoinAsync(federation, "raw", [2, 3]);
        var alive = raw.KeepAliveAsync(stop.Token);
        var clients = new[] { SecAggClient.Unassigned(2), SecAggClient.Unassigned(3) };
        try
        {
            var (task, _) = await raw.NextTaskAsync(-1);
            Assert.True(task.SecureAggregation);

            foreach (var c in clients)
            {
                var report = new SecAggHeader { Round = 0, Client = c.Id, Step = SecAggStep.SecaggReport, Keys = SecAggWire.ToWire(c.Advertise()), SampleCount = 5, MeanLoss = 0.5 };
                Assert.True((await raw.SecAggAsync(report)).Accepted);
            }

            // A plain update is refused before any of it is read.
            var plain = await raw.SendAsync(0, 2, new float[8]);
            Assert.False(plain.Accepted);
            Assert.Contains("aggregates securely", plain.Reason);
            Assert.Equal(0, federation.Coordinator.PlainUpdatesOpened);

            var shares = await raw.SecAggNextAsync(0, SecAggStep.SecaggReport);
            Assert.Equal(SecAggStep.SecaggShares, shares.Step);
            Assert.Equal([2, 3], shares.Clients.Select(t => t.Client));

            // Shares for a client the node does not own, and shares of another client's secrets.
            var notOwned = await raw.SecAggAsync(new SecAggHeader { Round = 0, Client = 0, Step = SecAggStep.SecaggShares });
            Assert.Contains("client 0 is not hosted by node 'raw'", notOwned.Reason);
            var forged = new SecAggHeader { Round = 0, Client = 2, Step = SecAggStep.SecaggShares };
            forged.Shares.Add(new SecAggShare { From = 0, To = 1 });
            var forgedReply = await raw.SecAggAsync(forged);
            Assert.False(forgedReply.Accepted);
            Assert.Contains("Rejected client 2's secure-aggregation share message", forgedReply.Reason);
            Assert.Contains("share from client 0 to client 1", forgedReply.Reason);

            var three = shares.Clients.Single(t => t.Client == 3);
            var keys = three.NeighbourKeys.Select(SecAggWire.FromWire).ToDictionary(k => k.Client);
            clients[1].Assign(keys.Keys.Order().ToArray(), shares.Threshold);
            var honest = new SecAggHeader { Round = 0, Client = 3, Step = SecAggStep.SecaggShares };
            honest.Shares.AddRange(clients[1].ShareKeys(keys).Select(SecAggWire.ToWire));
            Assert.True((await raw.SecAggAsync(honest)).Accepted);

            // A masked vector of the wrong length.
            var masked = await raw.SecAggNextAsync(0, SecAggStep.SecaggShares);
            Assert.Equal(SecAggStep.SecaggMasked, masked.Step);
            var shortVector = await raw.SecAggAsync(new SecAggHeader { Round = 0, Client = 3, Step = SecAggStep.SecaggMasked, VectorLength = 5 }, MaskedVectors.Split(new uint[5]).ToList());
            Assert.False(shortVector.Accepted);
            Assert.Contains("client 3's masked vector has 5 values; this round's vectors have 8", shortVector.Reason);

            var result = await federation.Finished();
            var record = Assert.Single(federation.Completed);
            Assert.Contains(record.Dropped!, d => d.Client == 2 && d.Reason.Contains("share from client 0", StringComparison.Ordinal));
            Assert.Contains(record.Dropped!, d => d.Client == 3 && d.Reason.Contains("masked vector has 5 values", StringComparison.Ordinal));
            // Client 2 never shared (a dropout before the masked inputs), client 3's mask key is rebuilt from the shares
            // clients 0 and 1 hold: the round aggregates clients 0 and 1.
            Assert.Null(record.Failure);
            Assert.Equal(2, record.Metrics["secagg_dropped"]);
            Assert.Contains("Rejected client 0's secure-aggregation share message", federation.Logged);
            Assert.Equal(0, federation.Coordinator.PlainUpdatesOpened);
            await a;
        }
        finally
        {
            // Also when an assertion fails: a node kept alive that never answers would hold the server's step until its deadline.
            await stop.CancelAsync();
            foreach (var c in clients)
            {
                c.Dispose();
            }
        }

        await alive;
    }

    [Fact]
    public async Task ReportsWithUnusableKeys_RejectedNamingClientAndKey_TheRoundAggregatesTheOthers()
    {
        var config = FakeExperiment.SecureConfig(rounds: 1) with { MinClients = 2 };
        await using var federation = await LocalFederation.StartAsync(config, create: c => FakeExperiment.Secure(c, 4, 2));
        using var stop = new CancellationTokenSource();
        var a = federation.Node("a", [0, 1]).RunAsync(stop.Token);
        var raw = await RawNode.JoinAsync(federation, "raw", [2, 3]);
        var alive = raw.KeepAliveAsync(stop.Token);
        using var two = SecAggClient.Unassigned(2);
        try
        {
            var (task, _) = await raw.NextTaskAsync(-1);
            Assert.True(task.SecureAggregation);

            // Client 2's mask key is not a curve point; client 3 advertises client 2's keys as its own.
            var garbage = SecAggWire.ToWire(two.Advertise() with { MaskKey = [1, 2, 3] });
            var bad = await raw.SecAggAsync(new SecAggHeader { Round = 0, Client = 2, Step = SecAggStep.SecaggReport, Keys = garbage, SampleCount = 5, MeanLoss = 0.5 });
            Assert.False(bad.Accepted);
            Assert.Contains("client 2", bad.Reason);
            Assert.Contains("mask public key (3 bytes) is not a valid P-256 public key", bad.Reason);
            var borrowed = await raw.SecAggAsync(new SecAggHeader { Round = 0, Client = 3, Step = SecAggStep.SecaggReport, Keys = SecAggWire.ToWire(two.Advertise()), SampleCount = 5, MeanLoss = 0.5 });
            Assert.False(borrowed.Accepted);
            Assert.Contains("client 3's report holds no public keys of its own", borrowed.Reason);

            await federation.Finished();
            var record = Assert.Single(federation.Completed);
            Assert.Contains(record.Dropped!, d => d.Client == 2 && d.Reason.Contains("not a valid P-256 public key", StringComparison.Ordinal));
            Assert.Contains(record.Dropped!, d => d.Client == 3 && d.Reason.Contains("no public keys of its own", StringComparison.Ordinal));
            Assert.Null(record.Failure);
            await a;
        }
        finally
        {
            await stop.CancelAsync();
        }

        await alive;
    }

    [Fact]
    public async Task ReportsWithAttackStates_AnImpossibleLengthOrOneTheRunTakesNot_RejectedNamingThem_TheRoundAggregatesTheOthers()
    {
        // The attack state follows a report in chunks: client 2 announces -1 bytes (refused before any chunk), client 3
        // sends 10 bytes in full, which this run without an adaptive attack refuses once they arrived.
        var config = FakeExperiment.SecureConfig(rounds: 1) with { MinClients = 2 };
        await using var federation = await LocalFederation.StartAsync(config, create: c => FakeExperiment.Secure(c, 4, 2));
        using var stop = new CancellationTokenSource();
        var a = federation.Node("a", [0, 1]).RunAsync(stop.Token);
        var raw = await RawNode.JoinAsync(federation, "raw", [2, 3]);
        var alive = raw.KeepAliveAsync(stop.Token);
        using var two = SecAggClient.Unassigned(2);
        using var three = SecAggClient.Unassigned(3);
        try
        {
            await raw.NextTaskAsync(-1);
            var negative = await raw.SecAggAsync(new SecAggHeader { Round = 0, Client = 2, Step = SecAggStep.SecaggReport, Keys = SecAggWire.ToWire(two.Advertise()), SampleCount = 5, MeanLoss = 0.5, AttackStateLength = -1 });
            Assert.False(negative.Accepted);
            Assert.Contains("it announces an attack state of -1 bytes", negative.Reason);
            byte[] state = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
            var carried = await raw.SecAggAsync(
                new SecAggHeader { Round = 0, Client = 3, Step = SecAggStep.SecaggReport, Keys = SecAggWire.ToWire(three.Advertise()), SampleCount = 5, MeanLoss = 0.5, AttackStateLength = state.Length },
                ModelChunks.Split(state).ToList());
            Assert.False(carried.Accepted);
            Assert.Contains("it carries an attack state, and client 3 is not an attacker of round 1", carried.Reason);

            await federation.Finished();
            var record = Assert.Single(federation.Completed);
            Assert.Equal([2, 3], record.Dropped!.Select(d => d.Client).Order());
            Assert.Null(record.Failure);
            await a;
        }
        finally
        {
            await stop.CancelAsync();
        }

        await alive;
    }

    [Fact]
    public async Task NodeJoinsAgainAfterReporting_ItsClientsDropOutOfTheAggregation_TheRoundAggregatesTheOthers()
    {
        // The node that reported clients 2 and 3 restarts: the new session holds none of their secrets, so the server
        // does not wait for their shares; they never shared, so they are out of the round (Bonawitz et al.'s U₂) and
        // clients 0 and 1 mask only with each other.
        var config = FakeExperiment.SecureConfig(rounds: 1);
        await using var federation = await LocalFederation.StartAsync(config, create: c => FakeExperiment.Secure(c, 4, 2));
        using var stop = new CancellationTokenSource();
        var a = federation.Node("a", [0, 1]).RunAsync(stop.Token);
        var first = await RawNode.JoinAsync(federation, "b", [2, 3]);
        await first.NextTaskAsync(-1);
        foreach (int id in new[] { 2, 3 })
        {
            using var c = SecAggClient.Unassigned(id);
            var report = new SecAggHeader { Round = 0, Client = id, Step = SecAggStep.SecaggReport, Keys = SecAggWire.ToWire(c.Advertise()), SampleCount = 5, MeanLoss = 0.5 };
            Assert.True((await first.SecAggAsync(report)).Accepted);
        }

        var again = await RawNode.JoinAsync(federation, "b", [2, 3]);
        var alive = again.KeepAliveAsync(stop.Token);
        try
        {
            await federation.Finished();
            var record = Assert.Single(federation.Completed);
            Assert.Equal([2, 3], record.Dropped!.Select(d => d.Client));
            Assert.All(record.Dropped!, d => Assert.Equal("its node joined again and lost the client's secure aggregation keys for the round (share step)", d.Reason));
            Assert.Null(record.Failure);
            Assert.Equal(2, record.Metrics["secagg_dropped"]);
            await a;
        }
        finally
        {
            await stop.CancelAsync();
        }

        await alive;
    }
}
