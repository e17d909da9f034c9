using FedSec.Reporting.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Export;

/// <summary><c>fedsec export OUTPUT_DIR [--format csv|parquet] [--to DIR]</c>: the results database as tables.</summary>
internal sealed class ExportCommand(IAnsiConsole console) : Command<ExportSettings>
{
    /// <summary>The command's help.</summary>
    public const string Description =
        "Writes a grid's results database (OUTPUT_DIR/results.db) as CSV or Parquet tables: runs (one column per grid axis), "
        + "run_axes, rounds, detection, round_detection and reconstructions.";

    /// <inheritdoc/>
    public override int Execute(CommandContext context, ExportSettings settings, CancellationToken cancellationToken)
    {
        foreach (string file in ResultsExporter.Write(settings.OutputDirectory, settings.Format, settings.To))
        {
            console.WriteLine(file);
        }

        return ExitCodes.Ok;
    }
}
