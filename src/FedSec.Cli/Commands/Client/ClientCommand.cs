using System.Security.Cryptography.X509Certificates;
using FedSec.Cli.Commands.Run;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Fetch;
using FedSec.Network;
using FedSec.Network.Node;
using FedSec.Network.Security;
using FedSec.Torch.Simulation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Client;

/// <summary>
/// <c>fedsec client --server URL</c>: one node of a distributed run. It joins the server, prepares the experiment the
/// server's configuration describes (its clients' partitions, exactly as the simulation splits the data), trains its
/// clients each round and sends their signed updates, until the server ends the run.
/// </summary>
internal sealed class ClientCommand(IAnsiConsole console) : Command<ClientSettings>
{
    /// <summary>The command's help.</summary>
    public const string Description =
        "Runs one node of a distributed run: hosts some clients (--clients 0-4,7, or the share the server assigns), trains them "
        + "each round as 'fedsec run' would and sends their updates to 'fedsec server'; ends when the run does.";

    /// <inheritdoc/>
    public override int Execute(CommandContext context, ClientSettings settings, CancellationToken cancellationToken)
    {
        var server = new Uri(settings.Server!);
        CheckTransport(server, settings.Insecure);
        using var key = settings.Key is { } keyFile ? NodeKey.Load(keyFile) : null;
        using var ca = settings.Ca is { } caFile ? LoadCa(caFile) : null;
        var factory = Components.CreateFactory();
        factory.Fetcher = new DatasetFetcher();
        factory.ConcurrentClients = settings.ClientsAtOnce(Environment.ProcessorCount);
        var options = new NodeOptions
        {
            Server = server,
            Name = settings.Name ?? Environment.MachineName,
            Clients = settings.Clients is { } ids ? ClientIds.Parse(ids) : Array.Empty<int>(),
            Key = key,
            TrustedCa = ca,
            ExpectConfigDigest = settings.ExpectConfig,
            ConnectTimeout = TimeSpan.FromSeconds(settings.ConnectTimeoutSeconds),
        };
        NodeExperiment Prepare(string yaml, IReadOnlyList<int> hosted)
        {
            var config = ConfigReader.Parse(yaml, $"the configuration of {server}");
            Plugins.Load(factory.Components, settings.Plugins, config);
            var setup = factory.Bind(config);

            // The global model comes from the server each round: the node needs no initial model file of its own.
            setup = setup with { Config = setup.Config with { InitialModel = null } };
            if (settings.Data is { } silo)
            {
                if (FedSec.Data.Text.TextCorpusCatalog.IsKnown(setup.Config.Dataset))
                {
                    throw new UsageException($"--data takes a silo's images (IDX or x.npy/y.npy); the server's configuration trains on the text corpus '{setup.Config.Dataset}': leave --data out (the node reads the corpus from --data-dir and keeps its clients' groups).");
                }

                var data = LocalSilo.Load(silo, setup.Config, hosted);
                TorchSharp.torch.set_num_threads(factory.TensorThreads);
                var backend = new TorchModelBackend(factory.Models.Get(setup.Config.Model), DatasetCatalog.Info(setup.Config.Dataset), factory.ConcurrentClients);
                console.WriteLine($"Data: {silo}, {hosted.Sum(c => data.Clients[c].Count)} local training samples over clients {FedSec.Network.Server.FederationCoordinator.Ranges(hosted)}; model {setup.Config.Model} ({backend.Layout}).");
                return new NodeExperiment(new Simulation.Experiment(setup, backend, data).CreateClients(), backend);
            }

            var prepared = factory.Prepare(setup, settings.DataDir);
            console.WriteLine(ExperimentDescription.Prepared(prepared, setup.Config));
            return new NodeExperiment(prepared.Experiment.CreateClients(), prepared) { DataFingerprint = prepared.Data.SourceFingerprint };
        }

        console.MarkupLine($"Node [bold]{Markup.Escape(options.Name)}[/] connecting to {Markup.Escape(server.ToString())}{(key is null ? string.Empty : $" with key {key.Fingerprint}")}.");
        var node = new FederationNode(options, Prepare, line => console.WriteLine(line));

        // Ctrl-C or SIGTERM: the node tells the server it leaves (its clients are dropped at once, not after the node timeout).
        using var interruption = new Interruption(cancellationToken);
        try
        {
            string end = node.RunAsync(interruption.Token).GetAwaiter().GetResult();
            console.WriteLine(end);
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (interruption.Requested)
        {
            console.WriteLine("Stopped. The same command joins the run again while it lasts.");
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>Plaintext only with --insecure and only to a loopback address; --insecure only with http://.</summary>
    internal static void CheckTransport(Uri server, bool insecure)
    {
        bool loopback = server.IsLoopback;
        if (server.Scheme == Uri.UriSchemeHttp && !insecure)
        {
            throw new UsageException($"{server} is plaintext (http://); use https:// with the server's CA (--ca), or add --insecure for a local test on a loopback address.");
        }

        if (server.Scheme == Uri.UriSchemeHttp && !loopback)
        {
            throw new UsageException($"Plaintext is allowed on loopback addresses only, and {server.Host} is not one: use https:// with the server's CA (--ca).");
        }

        if (server.Scheme == Uri.UriSchemeHttps && insecure)
        {
            throw new UsageException("--insecure goes with an http:// loopback address; an https:// server is reached over TLS.");
        }

        if (server.Scheme != Uri.UriSchemeHttp && server.Scheme != Uri.UriSchemeHttps)
        {
            throw new UsageException($"--server expects an https:// (or, with --insecure, http://) address, not '{server}'.");
        }
    }

    private static X509Certificate2 LoadCa(string path)
    {
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw new IOException($"The CA certificate {path} cannot be read ({e.Message.TrimEnd('.')}); pass the ca.pem that 'fedsec certs create' wrote.", e);
        }
    }
}
