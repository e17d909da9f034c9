using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Server;

/// <summary>The command line of <c>fedsec server</c>.</summary>
internal sealed class ServerSettings : CommandSettings
{
    /// <summary>The default listen address.</summary>
    public const string DefaultListen = "https://0.0.0.0:50051";

    /// <summary>The configuration file; null runs the embedded default experiment.</summary>
    [CommandArgument(0, "[CONFIG]")]
    [Description("A FedML-style YAML configuration, as for 'fedsec run' (default: the embedded default experiment)")]
    public string? ConfigFile { get; init; }

    /// <summary><c>--listen URL</c>.</summary>
    [CommandOption("--listen <URL>")]
    [Description("Where to listen (default https://0.0.0.0:50051; http://127.0.0.1:PORT only with --insecure)")]
    public string Listen { get; init; } = DefaultListen;

    /// <summary><c>--output DIR</c>.</summary>
    [CommandOption("--output <DIR>")]
    [Description("Where results go (default: runs/<time>): rounds.jsonl, summary.json, config.yaml, checkpoint.bin")]
    public string? Output { get; init; }

    /// <summary><c>--resume</c>.</summary>
    [CommandOption("--resume")]
    [Description("Continue the run in --output after its last completed round, from its checkpoint")]
    public bool Resume { get; init; }

    /// <summary><c>--round-timeout S</c> as typed.</summary>
    [CommandOption("--round-timeout <S>")]
    [Description("Seconds a round waits for its clients; then it goes on with those that reported (at least train_args.min_clients). Default: wait for every client not dropped")]
    public string? RoundTimeoutText { get; init; }

    /// <summary><c>--secagg-step-timeout S</c> as typed.</summary>
    [CommandOption("--secagg-step-timeout <S>")]
    [Description("With secure aggregation: seconds each step after the reports (shares, masked inputs, unmasking) waits for a client; one that misses it drops out of that step. Default: --round-timeout, else 6 x --node-timeout")]
    public string? SecAggStepTimeoutText { get; init; }

    /// <summary><c>--on-shortfall fail|retry</c>.</summary>
    [CommandOption("--on-shortfall <POLICY>")]
    [Description("When fewer than train_args.min_clients reported: 'fail' (default) stops the run, 'retry' waits again (--retries times) for nodes to come back")]
    public string OnShortfall { get; init; } = "fail";

    /// <summary><c>--retries N</c> as typed.</summary>
    [CommandOption("--retries <N>")]
    [Description("Retries of a round that fell short, with --on-shortfall retry (default 3)")]
    public string? RetriesText { get; init; }

    /// <summary><c>--join-timeout S</c> as typed.</summary>
    [CommandOption("--join-timeout <S>")]
    [Description("Seconds to wait for nodes to host every client before the first round (default 600)")]
    public string? JoinTimeoutText { get; init; }

    /// <summary><c>--node-timeout S</c> as typed.</summary>
    [CommandOption("--node-timeout <S>")]
    [Description("Seconds without a heartbeat after which a node is lost and its pending clients dropped (default 10)")]
    public string? NodeTimeoutText { get; init; }

    /// <summary><c>--nodes N</c> as typed.</summary>
    [CommandOption("--nodes <N>")]
    [Description("How many nodes share the clients when nodes name none (each takes the next ceil(n/N) free clients; default 1)")]
    public string? NodesText { get; init; }

    /// <summary><c>--own-update-attacks client|server</c>.</summary>
    [CommandOption("--own-update-attacks <WHERE>")]
    [Description("Where Byzantine, sign flip, Gaussian and lazy-worker attacks forge: 'client' (default: the attacker's process sends the forged update) or 'server' (as FedML)")]
    public string OwnUpdateAttacks { get; init; } = "client";

    /// <summary><c>--insecure</c>.</summary>
    [CommandOption("--insecure")]
    [Description("Plaintext HTTP/2 and no node keys, on a loopback address only (http://127.0.0.1:PORT); for local tests")]
    public bool Insecure { get; init; }

    /// <summary><c>--certs DIR</c>.</summary>
    [CommandOption("--certs <DIR>")]
    [Description("The directory 'fedsec certs create' wrote: server.pem and server.key, and allowed_nodes.txt unless --allow names another")]
    public string? Certs { get; init; }

    /// <summary><c>--allow FILE</c>.</summary>
    [CommandOption("--allow <FILE>")]
    [Description("The node public keys admitted, one base64 key per line (default: allowed_nodes.txt in --certs)")]
    public string? Allow { get; init; }

    /// <summary><c>--status URL</c>.</summary>
    [CommandOption("--status <URL>")]
    [Description("Where /status.json and the status page are served without TLS (default: on the --listen address when it is https, else the next port on 127.0.0.1, or a free one when that is taken)")]
    public string? Status { get; init; }

    /// <summary><c>--plugin FILE</c>.</summary>
    [CommandOption("--plugin <FILE>")]
    [Description("A plugin assembly whose attacks and defenses the configuration may name (repeatable)")]
    public string[] Plugins { get; init; } = [];

    /// <summary><c>--seed N</c>.</summary>
    [CommandOption("--seed <N>")]
    [Description("Experiment seed (common_args.random_seed)")]
    public string? Seed { get; init; }

    /// <summary><c>--set KEY=VALUE</c>.</summary>
    [CommandOption("--set <KEY=VALUE>")]
    [Description("Override one config key, as for 'fedsec run'; repeatable")]
    public string[] Set { get; init; } = [];

    /// <summary><c>--data-dir DIR</c>.</summary>
    [CommandOption("--data-dir <DIR>")]
    [Description("Data directory (the server evaluates on the test set)")]
    public string? DataDir { get; init; }

    /// <summary><c>--save-model</c>.</summary>
    [CommandOption("--save-model")]
    [Description("Also write the final global model as final_model.npy")]
    public bool SaveModel { get; init; }

    /// <summary>The round deadline, or null.</summary>
    public TimeSpan? RoundTimeout => OptionChecks.Parse<int>(RoundTimeoutText) is { } s ? TimeSpan.FromSeconds(s) : null;

    /// <summary>The deadline of each secure aggregation step after the reports, or null for the default.</summary>
    public TimeSpan? SecAggStepTimeout => OptionChecks.Parse<int>(SecAggStepTimeoutText) is { } s ? TimeSpan.FromSeconds(s) : null;

    /// <summary>Retries of a short round.</summary>
    public int Retries => OptionChecks.Parse<int>(RetriesText) ?? 3;

    /// <summary>How long to wait for every client to be hosted.</summary>
    public TimeSpan JoinTimeout => TimeSpan.FromSeconds(OptionChecks.Parse<int>(JoinTimeoutText) ?? 600);

    /// <summary>When a silent node is lost.</summary>
    public TimeSpan NodeTimeout => TimeSpan.FromSeconds(OptionChecks.Parse<int>(NodeTimeoutText) ?? 10);

    /// <summary>How many nodes share unnamed clients.</summary>
    public int Nodes => OptionChecks.Parse<int>(NodesText) ?? 1;

    /// <inheritdoc/>
    public override ValidationResult Validate() => OptionChecks.Result(
        OptionChecks.WholeNumber<int>("--round-timeout", RoundTimeoutText, 1),
        OptionChecks.WholeNumber<int>("--secagg-step-timeout", SecAggStepTimeoutText, 1),
        OptionChecks.WholeNumber<int>("--retries", RetriesText, 0),
        OptionChecks.WholeNumber<int>("--join-timeout", JoinTimeoutText, 1),
        OptionChecks.WholeNumber<int>("--node-timeout", NodeTimeoutText, 1),
        OptionChecks.WholeNumber<int>("--nodes", NodesText, 1),
        OnShortfall is "fail" or "retry" ? null : $"--on-shortfall expects 'fail' or 'retry', not '{OnShortfall}'.",
        OwnUpdateAttacks is "client" or "server" ? null : $"--own-update-attacks expects 'client' or 'server', not '{OwnUpdateAttacks}'.",
        Resume && Output is null ? "--resume needs --output: the directory of the run to continue." : null,
        Insecure && (Certs is not null || Allow is not null) ? "--insecure runs without TLS and node keys; drop --certs and --allow, or drop --insecure." : null);
}
