using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>
/// A place data files can come from (a web mirror, an npm package, a test fake). A source only delivers bytes;
/// <see cref="DataFetcher"/> checks their SHA-256 and moves them into place, so a source needs no verification.
/// </summary>
public interface IFetchSource
{
    /// <summary>A short description for progress lines and error messages (e.g. the mirror's address).</summary>
    string Name { get; }

    /// <summary>
    /// Writes the requested files, uncompressed and under their own names, into <paramref name="stagingDirectory"/>
    /// (an empty directory owned by the caller). Writing only some of them is allowed; a failure throws an exception
    /// whose message says what went wrong.
    /// </summary>
    Task FetchAsync(IReadOnlyList<string> fileNames, string stagingDirectory, IProgress<FetchProgress>? progress, CancellationToken cancellationToken);
}
