using System.Security.Cryptography.X509Certificates;
using FedSec.Cli.Commands.Run;
using FedSec.Cli.Console;
using FedSec.Configuration;
using FedSec.Fetch;
using FedSec.Network;
using FedSec.Network.Checkpoints;
using FedSec.Network.Security;
using FedSec.Network.Server;
using FedSec.Simulation;
using FedSec.Torch.Simulation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Server;

/// <summary>
/// <c>fedsec server CONFIG</c>: the server of a distributed run. Validates the configuration as <c>fedsec run</c> does,
/// loads the test set and the model, listens for nodes (TLS and node keys unless <c>--insecure</c> on loopback), waits
/// until every client is hosted, runs the rounds with the simulation's own server code and writes the same outputs.
/// </summary>
internal sealed class ServerCommand(IAnsiConsole console) : Command<ServerSettings>
{
    /// <summary>The command's help.</summary>
    public const string Description =
        "Runs the server of a distributed experiment: nodes ('fedsec client') host the clients and train them; the server "
        + "samples, attacks where FedML's omniscient attacks run, defends, aggregates, evaluates and writes what 'fedsec run' writes.";

    /// <summary>How long the server waits, after the run, for its nodes to learn that it is over.</summary>
    private static readonly TimeSpan Farewell = TimeSpan.FromSeconds(10);

    /// <inheritdoc/>
    public override int Execute(CommandContext context, ServerSettings settings, CancellationToken cancellationToken)
    {
        var listen = ParseListen(settings);
        var (certificate, allow) = LoadSecurity(settings);
        using var _ = certificate;
        var factory = Components.CreateFactory();
        factory.Fetcher = new DatasetFetcher();
        var checkpoint = settings.Resume ? ServerCheckpoint.Read(Path.Combine(settings.Output!, ServerCheckpoint.FileName)) : null;
        string? configFile = settings.ConfigFile ?? (settings.Resume ? Path.Combine(settings.Output!, RunOutput.ConfigFile) : null);
        var input = RunInput.Load(configFile, settings.Plugins, settings.Seed, settings.Set, factory.Components);
        var setup = factory.Bind(input.Config);
        Warnings.Show(console, setup.Warnings);
        var config = setup.Config;
        console.MarkupLine($"Serving {Markup.Escape(input.Source)}: {Markup.Escape(ExperimentDescription.Of(config))}");
        var output = new RunOutput(settings.Output ?? RunOutput.DefaultDirectory(DateTime.Now));
        string configYaml = ConfigYamlWriter.Write(config.Namespace);
        string digest = FederationCoordinator.DigestOf(configYaml);
        if (checkpoint is not null && checkpoint.ConfigDigest != digest)
        {
            throw new ConfigException("--resume", $"The configuration ({digest}) is not the one the run in {settings.Output} started with ({checkpoint.ConfigDigest}); resume with the same CONFIG, --seed and --set options, or with none to use its config.yaml.");
        }

        if (checkpoint is null)
        {
            output.WriteConfig(config.Namespace);
        }

        using var prepared = FetchProgressView.Run(console, progress => factory.Prepare(setup, settings.DataDir, progress));
        Warnings.Show(console, prepared.Experiment.CheckInitialModel());
        prepared.Experiment.OutputDirectory = output.Directory;
        var server = prepared.Experiment.CreateServer();
        string roundsFile = Path.Combine(output.Directory, RunOutput.RoundsFile);
        if (checkpoint is not null)
        {
            checkpoint.Restore(server, ResumedRounds.Load(roundsFile, checkpoint));
            console.WriteLine($"Resuming run {checkpoint.RunId} after round {checkpoint.CompletedRounds} of {config.CommRound}.");
        }

        string checkpointFile = Path.Combine(output.Directory, ServerCheckpoint.FileName);
        var options = new FederationOptions
        {
            RunId = checkpoint?.RunId ?? Guid.NewGuid().ToString("N"),
            ConfigYaml = configYaml,
            RoundTimeout = settings.RoundTimeout,
            SecAggStepTimeout = settings.SecAggStepTimeout,
            OnShortfall = settings.OnShortfall == "retry" ? ShortfallPolicy.Retry : ShortfallPolicy.Fail,
            Retries = settings.Retries,
            JoinTimeout = settings.JoinTimeout,
            NodeTimeout = settings.NodeTimeout,
            ExpectedNodes = settings.Nodes,
            OwnUpdateAttacksAtClients = settings.OwnUpdateAttacks == "client",
            AllowList = allow,
        };

        ExperimentResult result;
        using (var log = output.OpenRoundLog(append: checkpoint is not null))
        {
            using var coordinator = new FederationCoordinator(server, options, line => console.WriteLine(line))
            {
                RoundCompleted = record =>
                {
                    // The round's line first, then the checkpoint that counts it (see ResumedRounds).
                    log.RoundFinished(record);
                    ServerCheckpoint.Of(server, options.RunId, digest).Write(checkpointFile);
                    console.WriteLine(RoundLine.Of(record, config.CommRound));
                },
            };
            var host = FederationHost.StartAsync(coordinator, listen, certificate, StatusAddress(settings, listen), statusPortPreferred: settings.Status is null).GetAwaiter().GetResult();
            try
            {
                console.MarkupLine($"Listening on [bold]{Markup.Escape(host.Address.ToString())}[/]{(settings.Insecure ? " (plaintext, --insecure)" : $" (TLS; {allow!.Count} node key(s) admitted)")}; configuration digest {coordinator.ConfigDigest}.");
                if (host.StatusAddress is { } status)
                {
                    console.WriteLine($"Status: {status} (and {new Uri(status, "status.json")}).");
                }

                console.WriteLine($"Waiting for nodes to host clients 0-{config.ClientNumInTotal - 1}: fedsec client --server {host.Address} ...");
                result = coordinator.Run(cancellationToken);
                coordinator.WaitForNodesToLearnTheEnd(Farewell);
                console.WriteLine(TrafficLine(coordinator.Traffic, result, server, checkpoint?.CompletedRounds ?? 0));
            }
            finally
            {
                host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }

        var summary = output.WriteSummary(config, result);
        if (settings.SaveModel)
        {
            output.WriteModel(result.FinalGlobal);
        }

        ResultTables.Show(console, result, summary);
        if (result.Diverged is { } diverged)
        {
            console.MarkupLine($"[yellow]Diverged in round {diverged.Round + 1}:[/] {Markup.Escape(diverged.Reason)}.");
        }

        console.MarkupLine($"Results in [bold]{Markup.Escape(Path.GetFullPath(output.Directory))}[/] ({RunOutput.FileList(settings.SaveModel)}).");
        return ExitCodes.Ok;
    }

    private static ListenAddress ParseListen(ServerSettings settings)
    {
        string text = settings.Insecure && settings.Listen == ServerSettings.DefaultListen ? "http://127.0.0.1:50051" : settings.Listen;
        ListenAddress listen;
        try
        {
            listen = ListenAddress.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }

        if (settings.Insecure != !listen.Secure)
        {
            throw new UsageException(settings.Insecure
                ? $"--insecure serves plaintext: listen on http://127.0.0.1:PORT, not {listen}."
                : $"{listen} is plaintext; listen on https:// with --certs DIR, or add --insecure for a local test on a loopback address.");
        }

        return listen;
    }

    // Bytes of messages against the floor of a round (each sampled client gets the model and sends one back: 2·n·d·4),
    // and the server's peak memory against the n·d·4 bytes of one round's updates.
    private static string TrafficLine(TrafficCounter traffic, ExperimentResult result, ExperimentServer server, int resumedAfter)
    {
        int rounds = Math.Max(1, result.Rounds.Count - resumedAfter);
        double n = result.Rounds.Skip(resumedAfter).Select(r => r.Sampled.Count).DefaultIfEmpty(0).Average();
        double floor = 2 * n * server.Layout.Length * 4.0;
        double perRound = (traffic.Sent + traffic.Received) / (double)rounds;
        double updates = n * server.Layout.Length * 4.0;
        long peak = System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Traffic: {perRound / 1e6:F1} MB of messages per round ({perRound / floor:F3} × the floor 2·n·d·4 = {floor / 1e6:F1} MB); peak memory {peak / 1e6:F0} MB ({peak / updates:F2} × n·d·4 = {updates / 1e6:F1} MB).");
    }

    // Plaintext HTTP/2 cannot serve a browser: an --insecure server shows its status on the next port (HTTP/1.1, loopback),
    // or on a free one when that is taken (the host falls back; the status line prints the port).
    private static ListenAddress? StatusAddress(ServerSettings settings, ListenAddress listen)
    {
        if (settings.Status is { } text)
        {
            try
            {
                return ListenAddress.Parse(text);
            }
            catch (FormatException e)
            {
                throw new UsageException(e.Message.Replace("listen address", "status address", StringComparison.Ordinal));
            }
        }

        return listen.Secure ? null : new ListenAddress(false, "127.0.0.1", listen.Port == 0 ? 0 : listen.Port + 1);
    }

    private static (X509Certificate2? Certificate, AllowList? Allow) LoadSecurity(ServerSettings settings)
    {
        if (settings.Insecure)
        {
            return (null, null);
        }

        if (settings.Certs is not { } dir)
        {
            throw new UsageException("A TLS server needs its certificate: --certs DIR (as 'fedsec certs create DIR' writes it), or --insecure for a local test on a loopback address.");
        }

        string cert = Path.Combine(dir, "server.pem"), key = Path.Combine(dir, "server.key");
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPemFile(cert, key);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw new IOException($"The server certificate {cert} with its key {key} cannot be read ({e.Message.TrimEnd('.')}); 'fedsec certs create {dir}' writes both.", e);
        }

        return (certificate, AllowList.Load(settings.Allow ?? Path.Combine(dir, "allowed_nodes.txt")));
    }
}
