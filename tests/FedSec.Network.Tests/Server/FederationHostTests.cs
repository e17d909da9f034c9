using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FedSec.Network.Server;
using FedSec.Network.Tests.TestSupport;

namespace FedSec.Network.Tests.Server;

/// <summary>The Kestrel host: the status endpoints, a port in use (the server's, a chosen or a default status port), plaintext off loopback.</summary>
[Collection(OneAtATime.Name)]
public class FederationHostTests
{
    [Fact]
    public async Task StatusJson_AfterTheRun_ShowsStateNodesClientsAndTheAccuracyCurve()
    {
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(rounds: 2));
        var node = federation.Node("a", [0, 1, 2, 3]).RunAsync();
        await federation.Finished();
        await node;
        using var http = new HttpClient { BaseAddress = federation.Host.StatusAddress };
        var status = JsonNode.Parse(await http.GetStringAsync("status.json"))!;
        Assert.Equal("completed", (string?)status["state"]);
        Assert.Equal(2, (int)status["total_rounds"]!);
        Assert.Equal("a", (string?)status["nodes"]![0]!["name"]);
        Assert.Equal("0-3", (string?)status["nodes"]![0]!["clients"]);
        Assert.Equal(4, status["clients"]!.AsArray().Count);
        var rounds = status["rounds"]!.AsArray();
        Assert.Equal(federation.Completed.Select(r => r.Accuracy), rounds.Select(r => (double?)r!["accuracy"]));
        Assert.True(rounds.All(r => r!["flagged"]!["krum"] is JsonArray));
    }

    [Fact]
    public async Task StatusPage_Root_IsTheHtmlPageThatReadsStatusJson()
    {
        await using var federation = await LocalFederation.StartAsync(FakeExperiment.Config(), startRounds: false);
        using var http = new HttpClient { BaseAddress = federation.Host.StatusAddress };
        using var response = await http.GetAsync("/");
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        string page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>FedSec server</title>", page, StringComparison.Ordinal);
        Assert.Contains("fetch('status.json')", page, StringComparison.Ordinal);
        var status = JsonNode.Parse(await http.GetStringAsync("status.json"))!;
        Assert.Equal("waiting for nodes", (string?)status["state"]);
        Assert.All(status["clients"]!.AsArray(), c => Assert.Equal("unhosted", (string?)c!["state"]));
    }

    [Fact]
    public async Task StartAsync_PortInUse_OneSentenceNamingThePort()
    {
        await using var first = await LocalFederation.StartAsync(FakeExperiment.Config(), startRounds: false);
        using var coordinator = IdleCoordinator();
        int port = first.Host.Address.Port;
        var error = await Assert.ThrowsAsync<FederationException>(() => FederationHost.StartAsync(coordinator, new ListenAddress(false, "127.0.0.1", port), null));
        Assert.StartsWith($"Cannot listen on http://127.0.0.1:{port}: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"Is another server using port {port}? Choose another with --listen.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_DefaultStatusPortTaken_ServesTheStatusOnAFreePort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int takenPort = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var coordinator = IdleCoordinator();
        await using var host = await FederationHost.StartAsync(coordinator, new ListenAddress(false, "127.0.0.1", 0), null, new ListenAddress(false, "127.0.0.1", takenPort), statusPortPreferred: true);
        Assert.NotEqual(takenPort, host.StatusAddress!.Port);
        using var http = new HttpClient { BaseAddress = host.StatusAddress };
        var status = JsonNode.Parse(await http.GetStringAsync("status.json"))!;
        Assert.Equal("waiting for nodes", (string?)status["state"]);
    }

    [Fact]
    public async Task StartAsync_ChosenStatusPortTaken_OneSentenceNamingBothPorts()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int takenPort = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var coordinator = IdleCoordinator();
        var error = await Assert.ThrowsAsync<FederationException>(() => FederationHost.StartAsync(coordinator, new ListenAddress(false, "127.0.0.1", 0), null, new ListenAddress(false, "127.0.0.1", takenPort)));
        Assert.StartsWith("Cannot listen on http://127.0.0.1:0 and http://127.0.0.1:" + takenPort + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{takenPort}: address already in use", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Is another server using one of them? Choose others with --listen and --status.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_PlaintextOffLoopback_Refused()
    {
        using var coordinator = IdleCoordinator();
        var error = await Assert.ThrowsAsync<FederationException>(() => FederationHost.StartAsync(coordinator, ListenAddress.Parse("http://0.0.0.0:50051"), null));
        Assert.StartsWith("Plaintext (http://) is allowed on loopback addresses only, and http://0.0.0.0:50051 is not one", error.Message, StringComparison.Ordinal);
    }

    private static FederationCoordinator IdleCoordinator() =>
        new(FakeExperiment.Create(FakeExperiment.Config()).CreateServer(), new FederationOptions { RunId = "r", ConfigYaml = "c" }, _ => { });
}
