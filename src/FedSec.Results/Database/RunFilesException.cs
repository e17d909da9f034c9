namespace FedSec.Results.Database;

/// <summary>A run directory's result file is missing or cannot be read; the message names the file.</summary>
public sealed class RunFilesException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public RunFilesException(string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        FilePath = path;
    }

    /// <summary>The offending file.</summary>
    public string FilePath { get; }
}
