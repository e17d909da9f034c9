using FedSec.Fetch;
using FedSec.Cli.Console;
using FedSec.Data;
using Spectre.Console;

namespace FedSec.Cli.Commands;

/// <summary><c>fedsec data fetch NAME</c>: puts a data set in the data directory, verified by SHA-256.</summary>
internal static class DataCommand
{
    public static int Execute(string[] args)
    {
        var parsed = ParsedArgs.Parse(args, "help");
        if (parsed.Switch("help") || parsed.Positional.Count == 0)
        {
            AnsiConsole.WriteLine("Usage: fedsec data fetch NAME [--data-dir DIR]   (NAME: " + string.Join(", ", DatasetCatalog.Names.Where(new DatasetFetcher().CanFetch)) + ")");
            return parsed.Switch("help") ? 0 : 2;
        }

        if (parsed.Positional[0] != "fetch" || parsed.Positional.Count != 2)
        {
            throw new UsageException("Usage: fedsec data fetch NAME [--data-dir DIR]; 'fetch' is the only data command.");
        }

        string name = parsed.Positional[1];
        if (!DatasetCatalog.IsKnown(name))
        {
            throw new UsageException($"'{name}' is not a data set fedsec knows; the data sets are {string.Join(", ", DatasetCatalog.Names)}.");
        }

        if (!new DatasetFetcher().CanFetch(name))
        {
            throw new UsageException($"fedsec cannot download '{name}'; put its files under {DatasetCatalog.DatasetDirectory(name, DataDirectory.Resolve(parsed.Option("data-dir")))} yourself.");
        }

        string dir = DataDirectory.Resolve(parsed.Option("data-dir"));
        parsed.RejectUnknown("data");
        var result = FetchProgressView.Run(progress => new DatasetFetcher().FetchAsync(name, dir, progress).GetAwaiter().GetResult());
        foreach (var f in result.AlreadyPresent)
        {
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(f)}: already present, hash verified[/]");
        }

        foreach (var (file, source) in result.FetchedFrom)
        {
            AnsiConsole.MarkupLine($"{Markup.Escape(file)}: fetched from {Markup.Escape(source)}, hash verified");
        }

        AnsiConsole.MarkupLine($"[green]{Markup.Escape(DatasetCatalog.CanonicalName(name))} is in {Markup.Escape(result.Directory)}[/]");
        return 0;
    }
}
