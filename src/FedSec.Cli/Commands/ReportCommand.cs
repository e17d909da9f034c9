using FedSec.Reporting.Report;
using Spectre.Console;

namespace FedSec.Cli.Commands;

/// <summary><c>fedsec report OUTPUT_DIR [--to DIR] [--only AXIS=V1,V2 ...]</c>: HTML and Markdown report with SVG/PNG figures.</summary>
internal static class ReportCommand
{
    public static int Execute(string[] args)
    {
        var parsed = ParsedArgs.Parse(args, "help");
        if (parsed.Switch("help"))
        {
            AnsiConsole.WriteLine(HelpText.Report);
            return 0;
        }

        if (parsed.Positional.Count != 1)
        {
            throw new UsageException($"'fedsec report' takes one output directory (the one 'fedsec bench' wrote), not {parsed.Positional.Count} arguments; see 'fedsec report --help'.");
        }

        string? to = parsed.Option("to");
        var only = parsed.Options("only");
        parsed.RejectUnknown("report");
        IReadOnlyList<string> files;
        try
        {
            files = ReportWriter.Write(parsed.Positional[0], to, RunFilter.Parse(only));
        }
        catch (RunFilterException e)
        {
            throw new UsageException(e.Message);
        }

        string html = files.First(f => f.EndsWith("report.html", StringComparison.Ordinal));
        AnsiConsole.MarkupLine($"Report in [bold]{Markup.Escape(Path.GetFullPath(html))}[/] ({files.Count(f => f.EndsWith(".png", StringComparison.Ordinal))} figures as PNG and SVG under plots/, tables also in report.md).");
        return 0;
    }
}
