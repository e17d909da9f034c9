using FedSec.Configuration;
using FedSec.Data;

namespace FedSec.Cli.Commands.Bench;

/// <summary>
/// The data sets a grid's pending runs need and that are missing but fetched without asking (MNIST): the bench fetches
/// them once before it starts, so that parallel runs do not each download them.
/// </summary>
internal static class DataPrefetch
{
    /// <summary>Each missing data set once, with the data directory it goes to.</summary>
    public static IReadOnlyList<(string Dataset, string Directory)> Missing(IEnumerable<ExperimentConfig> pending, string? dataDirOverride)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return pending
            .Select(c => (Dataset: DatasetCatalog.CanonicalName(c.Dataset), Directory: DataDirectory.Resolve(dataDirOverride ?? (string.IsNullOrWhiteSpace(c.DataCacheDir) ? null : c.DataCacheDir))))
            .Distinct()
            .Where(d => !DatasetCatalog.IsPresent(d.Dataset, d.Directory) && DatasetCatalog.FetchesImplicitly(d.Dataset))
            .ToArray();
    }
}
