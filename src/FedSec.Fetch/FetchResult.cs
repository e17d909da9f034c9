using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>What a successful fetch did.</summary>
/// <param name="Directory">Where the files now are.</param>
/// <param name="AlreadyPresent">Files that were in place with the right hash and were not fetched again.</param>
/// <param name="FetchedFrom">Each fetched file and the <see cref="IFetchSource.Name"/> it came from.</param>
/// <param name="Failures">Sources that failed or served wrong bytes before the files were complete, with the reason, one line each.</param>
public sealed record FetchResult(
    string Directory,
    IReadOnlyList<string> AlreadyPresent,
    IReadOnlyDictionary<string, string> FetchedFrom,
    IReadOnlyList<string> Failures)
{
    /// <summary>
    /// Whether the files found already in place were checked against a hash (file by file, as MNIST's are); false when
    /// only their presence was checked (an archive's files, whose own hashes are not published).
    /// </summary>
    /// <value>The default value is true.</value>
    public bool PresentFilesVerified { get; init; } = true;
}
