using FedSec.Cli.Commands;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Setup;
using FedSec.Simulation;
using Spectre.Console.Cli;

namespace FedSec.Cli;

/// <summary>The exit codes of <c>fedsec</c>, and which error gives which.</summary>
internal static class ExitCodes
{
    /// <summary>Done (a run that diverged is done: its divergence is its result).</summary>
    public const int Ok = 0;

    /// <summary><c>fedsec bench</c>: some runs failed (the same command retries them).</summary>
    public const int RunsFailed = 1;

    /// <summary>The command line is wrong: an unknown command or option, a missing or malformed value, a privacy budget no noise meets.</summary>
    public const int Usage = 2;

    /// <summary>The configuration is wrong (<see cref="ConfigException"/>), or a plugin it names cannot be loaded (<see cref="PluginLoadException"/>).</summary>
    public const int Config = 3;

    /// <summary>A data or other file is missing or malformed, or a component produced an invalid update.</summary>
    public const int Data = 4;

    /// <summary>A distributed run cannot go on: a node cannot reach or is refused by its server, clients never joined, a round fell short.</summary>
    public const int Network = 5;

    /// <summary><c>fedsec bench</c> was interrupted (Ctrl-C, SIGTERM); the same command resumes.</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code for an error, or null for an error that is a bug (it is not caught, so its stack trace shows).</summary>
    public static int? For(Exception error) => error switch
    {
        UsageException or CommandParseException or CommandRuntimeException or Privacy.Accounting.PrivacyBudgetException => Usage,
        ConfigException or PluginLoadException => Config,
        DataFormatException or InvalidUpdateException or IOException or InvalidDataException or FedSec.Language.LanguageModelException => Data,
        FedSec.Network.FederationException => Network,
        _ => null,
    };
}
