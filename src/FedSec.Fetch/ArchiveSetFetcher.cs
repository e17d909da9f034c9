using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>
/// Fetches a data set published as several archives into one directory (StackOverflow: TFF's h5 files, word counts and
/// tag counts, each with its own pinned SHA-256): each archive through an <see cref="ArchiveFetcher"/>, in turn; an
/// archive whose files are already in place is not downloaded. When some archive cannot be fetched, the others are
/// still tried, and one <see cref="DataFetchException"/> lists every file still missing, every attempt, and every
/// archive to fetch by hand.
/// </summary>
public sealed class ArchiveSetFetcher : IFileSetFetcher
{
    private readonly ArchiveFetcher[] _fetchers;

    /// <summary>Creates the fetcher of <paramref name="archives"/> for <paramref name="dataset"/>.</summary>
    public ArchiveSetFetcher(string dataset, IReadOnlyList<DatasetArchive> archives, Func<DatasetArchive, ArchiveFetcher>? create = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        ArgumentNullException.ThrowIfNull(archives);
        Dataset = dataset;
        _fetchers = archives.Select(a => create?.Invoke(a) ?? new ArchiveFetcher(dataset, a)).ToArray();
    }

    /// <summary>The data set's name, for messages.</summary>
    public string Dataset { get; }

    /// <inheritdoc />
    public async Task<FetchResult> FetchAsync(string targetDirectory, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetDirectory);
        string target = Path.GetFullPath(targetDirectory);
        var present = new List<string>();
        var fetched = new Dictionary<string, string>();
        var missing = new List<string>();
        var failures = new List<string>();
        var unfetched = new List<DatasetArchive>();
        bool verified = true;
        foreach (var fetcher in _fetchers)
        {
            try
            {
                var result = await fetcher.FetchAsync(target, progress, cancellationToken).ConfigureAwait(false);
                present.AddRange(result.AlreadyPresent);
                verified &= result.PresentFilesVerified || result.AlreadyPresent.Count == 0;
                foreach (var (file, source) in result.FetchedFrom)
                {
                    fetched[file] = source;
                }
            }
            catch (DataFetchException e)
            {
                missing.AddRange(e.MissingFiles);
                failures.AddRange(e.Failures);
                unfetched.Add(fetcher.Archive);
            }
        }

        if (missing.Count > 0)
        {
            throw new DataFetchException(Dataset, target, missing, failures, ByHand(target, unfetched));
        }

        return new FetchResult(target, present, fetched, []) { PresentFilesVerified = verified };
    }

    private static string ByHand(string target, IReadOnlyList<DatasetArchive> archives) =>
        "Alternatively, download "
        + string.Join("; ", archives.Select(a => $"{a.FileName} from {string.Join(" or ", a.Sources.Select(u => u.AbsoluteUri))} (SHA-256 {a.Sha256}), extracting {string.Join(" and ", a.Files)}"))
        + $" into '{target}'.";
}
