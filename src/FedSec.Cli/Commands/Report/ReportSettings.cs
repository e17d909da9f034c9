using System.ComponentModel;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Report;

/// <summary>The command line of <c>fedsec report</c>.</summary>
internal sealed class ReportSettings : CommandSettings
{
    /// <summary>The bench's output directory.</summary>
    [CommandArgument(0, "<OUTPUT_DIR>")]
    [Description("The output directory of 'fedsec bench' (it holds results.db)")]
    public string OutputDirectory { get; init; } = string.Empty;

    /// <summary><c>--to</c>: where the report goes.</summary>
    [CommandOption("--to <DIR>")]
    [Description("Where the report goes (default OUTPUT_DIR/report)")]
    public string? To { get; init; }

    /// <summary><c>--only</c>: run filters, all of which must hold.</summary>
    [CommandOption("--only <AXIS=V1,V2>")]
    [Description("Only the runs whose grid axis holds one of the values; repeatable, all must hold. E.g. --only attack=none,alie --only malicious=10%")]
    public string[] Only { get; init; } = [];

    /// <summary><c>--control</c>: the output directory of the backdoors' control runs.</summary>
    [CommandOption("--control <DIR>")]
    [Description("The output directory of the backdoors' control runs (attack_args.trigger_only: true); each backdoor run is shown net of the control run with its grid axes")]
    public string? Control { get; init; }
}
