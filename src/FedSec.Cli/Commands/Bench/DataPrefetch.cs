using FedSec.Configuration;
using FedSec.Data;
using FedSec.Data.Text;

namespace FedSec.Cli.Commands.Bench;

/// <summary>
/// The data sets a grid's pending runs need and that are missing but fetched without asking (MNIST, FEMNIST, CIFAR-100,
/// and the text corpora): the bench fetches them once before it starts, so that parallel runs do not each download them.
/// </summary>
internal static class DataPrefetch
{
    /// <summary>Each missing data set once, with the data directory it goes to.</summary>
    public static IReadOnlyList<(string Dataset, string Directory)> Missing(IEnumerable<ExperimentConfig> pending, string? dataDirOverride)
    {
        return Needed(pending, dataDirOverride)
            .Where(d => IsText(d.Dataset)
                ? !TextCorpusCatalog.IsPresent(d.Dataset, d.Directory)
                : !DatasetCatalog.IsPresent(d.Dataset, d.Directory) && DatasetCatalog.FetchesImplicitly(d.Dataset))
            .ToArray();
    }

    /// <summary>
    /// Each image data set the pending runs need that is missing and that fedsec does not fetch by itself (CIFAR-10,
    /// Shakespeare, StackOverflow), with the data directory it is missing from: a bench refuses to start on them, since
    /// every run would fail the same way.
    /// </summary>
    public static IReadOnlyList<(string Dataset, string Directory)> Unavailable(IEnumerable<ExperimentConfig> pending, string? dataDirOverride)
    {
        return Needed(pending, dataDirOverride)
            .Where(d => !IsText(d.Dataset) && !DatasetCatalog.IsPresent(d.Dataset, d.Directory) && !DatasetCatalog.FetchesImplicitly(d.Dataset))
            .ToArray();
    }

    /// <summary>True when <paramref name="dataset"/> is a text corpus (fetched by <c>TextCorpusFetcher</c>), not an image data set.</summary>
    public static bool IsText(string dataset) => TextCorpusCatalog.IsKnown(dataset);

    // Each known data set or corpus the runs read, once per data directory, under its canonical name.
    private static IEnumerable<(string Dataset, string Directory)> Needed(IEnumerable<ExperimentConfig> pending, string? dataDirOverride)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return pending
            .Where(c => DatasetCatalog.IsKnown(c.Dataset) || TextCorpusCatalog.IsKnown(c.Dataset))
            .Select(c => (Dataset: Canonical(c.Dataset), Directory: DataDirectory.Resolve(dataDirOverride ?? (string.IsNullOrWhiteSpace(c.DataCacheDir) ? null : c.DataCacheDir))))
            .Distinct();
    }

    private static string Canonical(string dataset) =>
        IsText(dataset) ? TextCorpusCatalog.CanonicalName(dataset) : DatasetCatalog.CanonicalName(dataset);
}
