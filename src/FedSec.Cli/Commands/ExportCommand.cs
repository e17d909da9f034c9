using FedSec.Reporting.Export;
using Spectre.Console;

namespace FedSec.Cli.Commands;

/// <summary><c>fedsec export OUTPUT_DIR [--format csv|parquet] [--to DIR]</c>: the results database as tables.</summary>
internal static class ExportCommand
{
    public static int Execute(string[] args)
    {
        var parsed = ParsedArgs.Parse(args, "help");
        if (parsed.Switch("help"))
        {
            AnsiConsole.WriteLine(HelpText.Export);
            return 0;
        }

        if (parsed.Positional.Count != 1)
        {
            throw new UsageException($"'fedsec export' takes one output directory (the one 'fedsec bench' wrote), not {parsed.Positional.Count} arguments; see 'fedsec export --help'.");
        }

        string formatName = parsed.Option("format") ?? "csv";
        var format = formatName switch
        {
            "csv" => ExportFormat.Csv,
            "parquet" => ExportFormat.Parquet,
            _ => throw new UsageException($"--format expects csv or parquet, not '{formatName}'."),
        };
        string? to = parsed.Option("to");
        parsed.RejectUnknown("export");

        var files = ResultsExporter.Write(parsed.Positional[0], format, to);
        foreach (string file in files)
        {
            AnsiConsole.WriteLine(file);
        }

        return 0;
    }
}
