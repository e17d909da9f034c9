using System.Collections.Concurrent;
using FedSec.Configuration;
using FedSec.Network.Node;
using FedSec.Network.Protocol;
using FedSec.Network.Security;
using FedSec.Network.Server;
using FedSec.Simulation;
using Grpc.Net.Client;

namespace FedSec.Network.Tests.TestSupport;

/// <summary>
/// A distributed run in this process over loopback: a coordinator on a fake experiment, its Kestrel host on a free
/// port of 127.0.0.1 (plaintext), its rounds running in the background, and what it logged.
/// </summary>
internal sealed class LocalFederation : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<GrpcChannel> _channels = new();

    private readonly ConcurrentQueue<string> _log;
    private readonly List<RoundRecord> _records;

    private readonly Func<ExperimentConfig, Experiment> _create;

    private LocalFederation(FederationCoordinator coordinator, FederationHost host, ExperimentConfig config, ConcurrentQueue<string> log, List<RoundRecord> records, Func<ExperimentConfig, Experiment> create)
    {
        _create = create;
        Coordinator = coordinator;
        Host = host;
        Config = config;
        _log = log;
        _records = records;
    }

    public FederationCoordinator Coordinator { get; }

    public FederationHost Host { get; }

    public ExperimentConfig Config { get; }

    /// <summary>The run, started by <see cref="Start"/>.</summary>
    public Task<ExperimentResult> Run { get; private set; } = null!;

    public string RunId => "test-run";

    public static async Task<LocalFederation> StartAsync(ExperimentConfig config, Func<FederationOptions, FederationOptions>? adjust = null, bool startRounds = true, int port = 0, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null, Func<ExperimentConfig, Experiment>? create = null)
    {
        create ??= FakeExperiment.Create;
        var options = new FederationOptions
        {
            RunId = "test-run",
            ConfigYaml = "test: config\n",
            JoinTimeout = TimeSpan.FromSeconds(60),
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
            NodeTimeout = TimeSpan.FromSeconds(5),
        };
        options = adjust?.Invoke(options) ?? options;
        var server = create(config).CreateServer();
        var log = new ConcurrentQueue<string>();
        var records = new List<RoundRecord>();
        var coordinator = new FederationCoordinator(server, options, log.Enqueue)
        {
            RoundCompleted = r =>
            {
                lock (records)
                {
                    records.Add(r);
                }
            },
        };
        var host = await FederationHost.StartAsync(coordinator, new ListenAddress(certificate is not null, "127.0.0.1", port), certificate, certificate is null ? new ListenAddress(false, "127.0.0.1", 0) : null);
        var federation = new LocalFederation(coordinator, host, config, log, records, create);
        if (startRounds)
        {
            federation.Start();
        }

        return federation;
    }

    /// <summary>Every line logged so far.</summary>
    public string Logged => string.Join("\n", _log);

    /// <summary>The rounds completed so far.</summary>
    public IReadOnlyList<RoundRecord> Completed
    {
        get
        {
            lock (_records)
            {
                return _records.ToList();
            }
        }
    }

    /// <summary>Stops the coordinator's run as Ctrl-C stops the server's.</summary>
    public void Stop() => _stop.Cancel();

    public void Start() => Run = Task.Factory.StartNew(() => Coordinator.Run(_stop.Token), TaskCreationOptions.LongRunning);

    /// <summary>A raw gRPC client of the service, for crafting messages a node would not send.</summary>
    public Federation.FederationClient RawClient(System.Security.Cryptography.X509Certificates.X509Certificate2? trustedCa = null)
    {
        var channel = NodeChannel.Create(new NodeOptions { Server = Host.Address, TrustedCa = trustedCa });
        _channels.Add(channel);
        return new Federation.FederationClient(channel);
    }

    /// <summary>A real node of the same fake experiment hosting <paramref name="clients"/>.</summary>
    public FederationNode Node(string name, IReadOnlyList<int> clients, NodeKey? key = null, System.Security.Cryptography.X509Certificates.X509Certificate2? trustedCa = null, Action<Protocol.SecAggStep>? afterSecAggStep = null, Grpc.Core.Interceptors.Interceptor? interceptor = null) => new(
        new NodeOptions { Server = Host.Address, Name = name, Clients = clients, Key = key, TrustedCa = trustedCa, ConnectTimeout = TimeSpan.FromSeconds(30), AfterSecAggStep = afterSecAggStep, Interceptor = interceptor },
        (_, _) => new NodeExperiment(_create(Config).CreateClients(), null),
        line => _log.Enqueue($"[{name}] {line}"));

    /// <summary>Waits (at most a generous bound) until the log contains <paramref name="text"/>; fails with the log.</summary>
    public void WaitUntilLogged(string text, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!Logged.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 30 s for {what}. Log:\n{Logged}");
            Thread.Sleep(20);
        }
    }

    /// <summary>Waits for the run, at most a generous bound.</summary>
    public async Task<ExperimentResult> Finished()
    {
        var done = await Task.WhenAny(Run, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(done == Run, $"The run did not end within 60 s. Log:\n{Logged}");
        return await Run;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (Run is not null)
        {
            // Bounded: a server that ignored its cancellation would otherwise hang the test run instead of failing it.
            if (await Task.WhenAny(Run, Task.Delay(TimeSpan.FromSeconds(30))) != Run)
            {
                throw new TimeoutException($"The server did not stop within 30 s of its cancellation. Log:\n{Logged}");
            }

            try
            {
                await Run;
            }
            catch (Exception e) when (e is OperationCanceledException or FederationException)
            {
            }
        }

        foreach (var c in _channels)
        {
            c.Dispose();
        }

        await Host.DisposeAsync();
        Coordinator.Dispose();
        _stop.Dispose();
    }
}
