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
    IReadOnlyList<string> Failures);
