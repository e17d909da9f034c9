using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>
/// Every source was tried and some files are still missing; the message lists each attempt and why it failed. An
/// <see cref="IOException"/>, so the command line reports it as a data error (exit code 4), not as a bug.
/// </summary>
public sealed class DataFetchException : IOException
{
    /// <summary>Creates the exception for a fetch into <paramref name="directory"/>.</summary>
    /// <param name="dataset">The data set's name.</param>
    /// <param name="directory">Where the files were to go.</param>
    /// <param name="missingFiles">The files still missing.</param>
    /// <param name="failures">One line per failed source.</param>
    /// <param name="byHand">What to do by hand instead (where the files come from and where they go); null for the usual sentence.</param>
    public DataFetchException(string dataset, string directory, IReadOnlyList<string> missingFiles, IReadOnlyList<string> failures, string? byHand = null)
        : base(Format(dataset, directory, missingFiles, failures, byHand))
    {
        Directory = directory;
        MissingFiles = missingFiles;
        Failures = failures;
    }

    /// <summary>The directory the files were to go to.</summary>
    public string Directory { get; }

    /// <summary>The files that could not be obtained.</summary>
    public IReadOnlyList<string> MissingFiles { get; }

    /// <summary>One line per failed source: its name and what went wrong.</summary>
    public IReadOnlyList<string> Failures { get; }

    private static string Format(string dataset, string directory, IReadOnlyList<string> missingFiles, IReadOnlyList<string> failures, string? byHand)
    {
        ArgumentNullException.ThrowIfNull(missingFiles);
        ArgumentNullException.ThrowIfNull(failures);
        string nl = Environment.NewLine;
        return $"Could not fetch {dataset} into '{directory}'; still missing: {string.Join(", ", missingFiles)}.{nl}"
            + $"Tried:{nl}{string.Join(nl, failures.Select(f => "  - " + f))}{nl}"
            + (byHand ?? $"Alternatively, put the uncompressed files in '{directory}' by hand.");
    }
}
