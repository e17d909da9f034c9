using System.ComponentModel;
using FedSec.Reporting.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Export;

/// <summary>The command line of <c>fedsec export</c>.</summary>
internal sealed class ExportSettings : CommandSettings
{
    /// <summary>The bench's output directory.</summary>
    [CommandArgument(0, "<OUTPUT_DIR>")]
    [Description("The output directory of 'fedsec bench' (it holds results.db)")]
    public string OutputDirectory { get; init; } = string.Empty;

    /// <summary><c>--format</c> as typed; see <see cref="Format"/>.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("csv or parquet (default csv)")]
    public string FormatName { get; init; } = "csv";

    /// <summary><c>--to</c>: where the files go.</summary>
    [CommandOption("--to <DIR>")]
    [Description("Where the files go (default OUTPUT_DIR)")]
    public string? To { get; init; }

    /// <summary>The format asked for.</summary>
    public ExportFormat Format => FormatName == "parquet" ? ExportFormat.Parquet : ExportFormat.Csv;

    /// <inheritdoc/>
    public override ValidationResult Validate() => OptionChecks.Result(
        FormatName is "csv" or "parquet" ? null : $"--format expects csv or parquet, not '{FormatName}'.");
}
