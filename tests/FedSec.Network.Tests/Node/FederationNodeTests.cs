using FedSec.Network.Node;
using FedSec.Network.Server;
using FedSec.Network.Tests.TestSupport;

namespace FedSec.Network.Tests.Node;

/// <summary>A node that cannot reach its server, reaches it late, or is refused: one sentence, or it carries on.</summary>
[Collection(OneAtATime.Name)]
public class FederationNodeTests
{
    private static FederationNode NodeTo(Uri server, IReadOnlyList<int> clients, TimeSpan connectTimeout, string? expect = null) => new(
        new NodeOptions { Server = server, Name = "n", Clients = clients, ConnectTimeout = connectTimeout, ExpectConfigDigest = expect },
        (_, _) => new NodeExperiment(FakeExperiment.Create(FakeExperiment.Config()).CreateClients(), null),
        _ => { });

    [Fact]
    public async Task RunAsync_NoServerAtTheAddress_FailsWithOneSentenceNamingIt()
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var error = await Assert.ThrowsAsync<FederationException>(() => NodeTo(address, [0], TimeSpan.FromSeconds(1)).RunAsync());
        Assert.StartsWith($"Cannot reach a FedSec server at {address} (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("check the address and port, and that 'fedsec server' runs there.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ClientHostedByAnotherNode_RefusedNamingTheHolder()
    {
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(), startRounds: false);
        await RawNode.JoinAsync(federation, "first", [0, 1]);
        var error = await Assert.ThrowsAsync<FederationException>(() => NodeTo(federation.Host.Address, [1, 2], TimeSpan.FromSeconds(5)).RunAsync());
        Assert.Equal($"The server at {federation.Host.Address} refused this node: Client 1 is already hosted by node 'first'; a client is hosted by one node at a time: give this node other clients (--clients), or stop the other node first.", error.Message);
    }

    [Fact]
    public async Task RunAsync_UnknownClientId_RefusedNamingTheValidRange()
    {
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(), startRounds: false);
        var error = await Assert.ThrowsAsync<FederationException>(() => NodeTo(federation.Host.Address, [2, 9], TimeSpan.FromSeconds(5)).RunAsync());
        Assert.EndsWith("Client 9 does not exist: this run's clients are 0 to 3 (client_num_in_total = 4); host only those.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("node\u001b[2J")]
    public async Task Join_NameEmptyOrWithControlCharacters_RefusedSayingWhatANameMayBe(string name)
    {
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(), startRounds: false);
        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => RawNode.JoinAsync(federation, name, [0]));
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("A node's name must be 1-100 printable characters (--name)", error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(federation.Coordinator.Status().Nodes);
    }

    [Fact]
    public async Task RunAsync_ExpectedConfigDiffers_RefusedNamingBothDigests()
    {
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(), startRounds: false);
        var error = await Assert.ThrowsAsync<FederationException>(() => NodeTo(federation.Host.Address, [0], TimeSpan.FromSeconds(5), expect: "abc123").RunAsync());
        Assert.Contains($"The server runs configuration {federation.Coordinator.ConfigDigest}, not the abc123 this node expects (--expect-config)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ServerStartsAfterTheNode_NodeRetriesWithBackoffAndTheRunCompletes()
    {
        int port = FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port}");
        var early = NodeTo(address, [0, 1, 2, 3], TimeSpan.FromSeconds(30)).RunAsync();
        await Task.Delay(1500);
        Assert.False(early.IsCompleted);
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(), port: port);
        var result = await federation.Finished();
        Assert.Equal("The run completed.", await early);
        Assert.Equal(2, result.Rounds.Count);
    }

    [Fact]
    public async Task RunAsync_PreparingLongerThanTheNodeTimeout_NodeIsNotLostAndTheRunCompletes()
    {
        // The local federation loses a node after 5 s without a heartbeat; this node takes 7 s to prepare (a corpus to tokenize).
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config());
        var slow = new FederationNode(
            new NodeOptions { Server = federation.Host.Address, Name = "slow", Clients = [0, 1, 2, 3], ConnectTimeout = TimeSpan.FromSeconds(30) },
            (_, _) =>
            {
                Thread.Sleep(TimeSpan.FromSeconds(7));
                return new NodeExperiment(FakeExperiment.Create(FakeExperiment.Config()).CreateClients(), null);
            },
            _ => { });
        var node = slow.RunAsync();
        var result = await federation.Finished();
        Assert.Equal("The run completed.", await node);
        Assert.Equal(2, result.Rounds.Count);
        Assert.DoesNotContain("Lost node", federation.Logged, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ServerData)]
    public async Task RunAsync_NodeDataUnknownOrTheServers_RunCompletes(string? nodeData)
    {
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(), create: c => FakeExperiment.Create(c, ServerData));
        var node = NodeWithData(federation.Host.Address, nodeData).RunAsync();
        var result = await federation.Finished();
        Assert.Equal("The run completed.", await node);
        Assert.Equal(2, result.Rounds.Count);
    }

    [Fact]
    public async Task RunAsync_NodeDataDiffersFromTheServers_StopsNamingBothFingerprints()
    {
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(), create: c => FakeExperiment.Create(c, ServerData));
        var error = await Assert.ThrowsAsync<FederationException>(() => NodeWithData(federation.Host.Address, OtherData).RunAsync());
        Assert.StartsWith("This node's data set is not the server's: its fingerprint is sha256:bbbbbbbbbbbb, the server's sha256:aaaaaaaaaaaa ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Give the node the same files as the server", error.Message, StringComparison.Ordinal);
        Assert.Contains("node 'n' left (This node's data set is not the server's: its fingerprint is sha256:bbbbbbbbbbbb, the server's sha256:aaaaaaaaaaaa (SHA-256 of the whole set as loaded).); its clients 0-3 are free to rejoin.", federation.Logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Cancelled_TellsTheServerItLeaves()
    {
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(), startRounds: false);
        using var stop = new CancellationTokenSource();
        var node = federation.Node("a", [0, 1, 2, 3]).RunAsync(stop.Token);
        federation.WaitUntilLogged("[a] Joined", "the node to join");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => node);
        Assert.Contains("node 'a' left (it was stopped); its clients 0-3 are free to rejoin.", federation.Logged, StringComparison.Ordinal);
    }

    private const string ServerData = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string OtherData = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private static FederationNode NodeWithData(Uri server, string? fingerprint) => new(
        new NodeOptions { Server = server, Name = "n", Clients = [0, 1, 2, 3], ConnectTimeout = TimeSpan.FromSeconds(10) },
        (_, _) => new NodeExperiment(FakeExperiment.Create(FakeExperiment.Config()).CreateClients(), null) { DataFingerprint = fingerprint },
        _ => { });
}
