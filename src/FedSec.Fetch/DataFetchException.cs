using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>Every source was tried and some files are still missing; the message lists each attempt and why it failed.</summary>
public sealed class DataFetchException : Exception
{
    /// <summary>Creates the exception for a fetch into <paramref name="directory"/>.</summary>
    public DataFetchException(string dataset, string directory, IReadOnlyList<string> missingFiles, IReadOnlyList<string> failures)
        : base(Format(dataset, directory, missingFiles, failures))
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

    private static string Format(string dataset, string directory, IReadOnlyList<string> missingFiles, IReadOnlyList<string> failures)
    {
        ArgumentNullException.ThrowIfNull(missingFiles);
        ArgumentNullException.ThrowIfNull(failures);
        string nl = Environment.NewLine;
        return $"Could not fetch {dataset} into '{directory}'; still missing: {string.Join(", ", missingFiles)}.{nl}"
            + $"Tried:{nl}{string.Join(nl, failures.Select(f => "  - " + f))}{nl}"
            + $"Alternatively, put the uncompressed files in '{directory}' by hand.";
    }
}
