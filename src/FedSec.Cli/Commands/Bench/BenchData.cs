using FedSec.Configuration;
using FedSec.Cli.Console;
using FedSec.Data;
using FedSec.Fetch;
using Spectre.Console;

namespace FedSec.Cli.Commands.Bench;

/// <summary>
/// Before a bench starts its runs: refuses when a data set they need is missing and not fetched by fedsec (every run
/// would fail the same way), and fetches the missing ones it does fetch once, so that parallel runs do not each
/// download them.
/// </summary>
internal static class BenchData
{
    /// <summary>Checks and fetches the data of <paramref name="pending"/>; throws, naming the data set and where it belongs, when one cannot be had.</summary>
    public static void Ensure(IAnsiConsole console, IReadOnlyList<ExperimentConfig> pending, string? dataDir)
    {
        if (DataPrefetch.Unavailable(pending, dataDir) is [var (absent, where), ..])
        {
            throw new FileNotFoundException(
                $"The grid's runs need {absent}, which is not in '{DatasetCatalog.DatasetDirectory(absent, where)}' and which fedsec does not fetch by itself; no run was started. {DatasetCatalog.Instructions(absent, where)}",
                DatasetCatalog.DatasetDirectory(absent, where));
        }

        foreach (var (dataset, directory) in DataPrefetch.Missing(pending, dataDir))
        {
            FetchProgressView.Run(console, progress => (DataPrefetch.IsText(dataset)
                ? TextCorpusFetcher.FetchAsync(dataset, directory, progress)
                : new DatasetFetcher().FetchAsync(dataset, directory, progress)).GetAwaiter().GetResult());
        }
    }
}
