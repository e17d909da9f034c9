using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Client;

/// <summary>The command line of <c>fedsec client</c>.</summary>
internal sealed class ClientSettings : CommandSettings
{
    /// <summary><c>--server URL</c>.</summary>
    [CommandOption("--server <URL>")]
    [Description("The server: https://HOST:PORT (or http://127.0.0.1:PORT with --insecure)")]
    public string? Server { get; init; }

    /// <summary><c>--clients IDS</c>.</summary>
    [CommandOption("--clients <IDS>")]
    [Description("The client identities this node hosts, e.g. 0-4,7 (default: the share the server assigns)")]
    public string? Clients { get; init; }

    /// <summary><c>--name NAME</c>.</summary>
    [CommandOption("--name <NAME>")]
    [Description("This node's name in the server's messages (default: the machine's name)")]
    public string? Name { get; init; }

    /// <summary><c>--data-dir DIR</c>.</summary>
    [CommandOption("--data-dir <DIR>")]
    [Description("Where the data sets live; the node partitions the configured data set exactly as the simulation does (default: data_cache_dir, $FEDSEC_DATA, ~/.cache/fedsec)")]
    public string? DataDir { get; init; }

    /// <summary><c>--data DIR</c>: a real silo's own training set.</summary>
    [CommandOption("--data <DIR>")]
    [Description("A real silo's own training set instead of the configured data set's partition: train-images-idx3-ubyte and train-labels-idx1-ubyte (IDX) or x.npy and y.npy, in the configured shape; split among this node's clients")]
    public string? Data { get; init; }

    /// <summary><c>--parallel N</c> as typed.</summary>
    [CommandOption("--parallel <N>")]
    [Description("Clients trained at once (default: the number of cores); the numbers do not depend on it")]
    public string? ParallelText { get; init; }

    /// <summary><c>--key FILE</c>.</summary>
    [CommandOption("--key <FILE>")]
    [Description("This node's private key (node-N.key of 'fedsec certs create'); signs its join and every update")]
    public string? Key { get; init; }

    /// <summary><c>--ca FILE</c>.</summary>
    [CommandOption("--ca <FILE>")]
    [Description("The CA certificate the server's certificate must chain to (ca.pem of 'fedsec certs create'; default: the system's roots)")]
    public string? Ca { get; init; }

    /// <summary><c>--insecure</c>.</summary>
    [CommandOption("--insecure")]
    [Description("Talk plaintext HTTP/2 to a loopback server (http://127.0.0.1:PORT); for local tests only")]
    public bool Insecure { get; init; }

    /// <summary><c>--expect-config DIGEST</c>.</summary>
    [CommandOption("--expect-config <DIGEST>")]
    [Description("Refuse a server whose configuration digest (printed by 'fedsec server') is not this one")]
    public string? ExpectConfig { get; init; }

    /// <summary><c>--connect-timeout S</c> as typed.</summary>
    [CommandOption("--connect-timeout <S>")]
    [Description("Seconds to keep trying to reach the server at first (default 60); after losing it, the node keeps trying for 5 minutes")]
    public string? ConnectTimeoutText { get; init; }

    /// <summary><c>--plugin FILE</c>.</summary>
    [CommandOption("--plugin <FILE>")]
    [Description("A plugin assembly the server's configuration names (repeatable)")]
    public string[] Plugins { get; init; } = [];

    /// <summary>Clients trained at once.</summary>
    public int ClientsAtOnce(int processorCount) => OptionChecks.Parse<int>(ParallelText) ?? processorCount;

    /// <summary>Seconds to keep trying to reach the server at first.</summary>
    public int ConnectTimeoutSeconds => OptionChecks.Parse<int>(ConnectTimeoutText) ?? 60;

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        string? clients = null;
        if (Clients is not null)
        {
            try
            {
                ClientIds.Parse(Clients);
            }
            catch (FormatException e)
            {
                clients = e.Message;
            }
        }

        return OptionChecks.Result(
            Server is null ? "--server URL is required: the address 'fedsec server' listens on." : null,
            Server is not null && !Uri.TryCreate(Server, UriKind.Absolute, out _) ? $"--server expects a URL such as https://server.example:50051, not '{Server}'." : null,
            clients,
            Data is not null && DataDir is not null ? "--data (a silo's own training set) and --data-dir (where the configured data set lives) exclude each other." : null,
            OptionChecks.WholeNumber<int>("--parallel", ParallelText, 1),
            OptionChecks.WholeNumber<int>("--connect-timeout", ConnectTimeoutText, 1));
    }
}
