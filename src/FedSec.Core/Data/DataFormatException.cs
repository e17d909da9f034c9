namespace FedSec.Data;

/// <summary>
/// A data file that cannot be read as what it claims to be: wrong magic number, truncated, labels out of range,
/// image and label files that disagree. The message names the file and says what is wrong.
/// </summary>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> with a sentence saying what is wrong.</summary>
    public DataFormatException(string path, string problem)
        : base($"Cannot read '{path}': {problem}")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>Creates the exception for <paramref name="path"/> with the error that revealed the problem.</summary>
    public DataFormatException(string path, string problem, Exception innerException)
        : base($"Cannot read '{path}': {problem}", innerException)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file that could not be read.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Problem { get; }
}
