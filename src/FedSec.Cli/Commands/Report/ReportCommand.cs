using FedSec.Cli.Console;
using FedSec.Reporting.Report;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Report;

/// <summary><c>fedsec report OUTPUT_DIR [--to DIR] [--only AXIS=V1,V2 ...] [--control DIR]</c>: HTML and Markdown report with SVG/PNG figures.</summary>
internal sealed class ReportCommand(IAnsiConsole console) : Command<ReportSettings>
{
    /// <summary>The command's help.</summary>
    public const string Description =
        "Writes a grid's report (OUTPUT_DIR/results.db): report.html, report.md and every figure as PNG and SVG; per facet, "
        + "mean ± std over seeds, diverged runs marked †.";

    /// <inheritdoc/>
    public override int Execute(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> files;
        try
        {
            files = ReportWriter.Write(settings.OutputDirectory, settings.To, RunFilter.Parse(settings.Only), warning => Warnings.Show(console, [warning]), settings.Control);
        }
        catch (FedSec.Results.Grid.AxisFilterException e)
        {
            throw new UsageException(e.Message);
        }

        string html = files.First(f => f.EndsWith("report.html", StringComparison.Ordinal));
        console.MarkupLine($"Report in [bold]{Markup.Escape(Path.GetFullPath(html))}[/] ({files.Count(f => f.EndsWith(".png", StringComparison.Ordinal))} figures as PNG and SVG under plots/, tables also in report.md).");
        return ExitCodes.Ok;
    }
}
