using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>Puts one data set's files into a directory (<see cref="DataFetcher"/> file by file, <see cref="ArchiveFetcher"/> from an archive).</summary>
public interface IFileSetFetcher
{
    /// <summary>Makes sure the data set's files are in <paramref name="targetDirectory"/>, fetching what is missing.</summary>
    /// <exception cref="DataFetchException">Every source was tried and some files are still missing; lists each attempt.</exception>
    Task<FetchResult> FetchAsync(string targetDirectory, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default);
}
