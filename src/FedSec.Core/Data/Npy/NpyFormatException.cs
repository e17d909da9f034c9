namespace FedSec.Data.Npy;

/// <summary>
/// A NumPy <c>.npy</c> file that cannot be read as the array asked for: bad magic, truncated data, an unsupported
/// dtype or layout, the wrong rank, or non-finite values. The message names the file and says what is allowed.
/// Derives from <see cref="IOException"/> so callers that report I/O failures report these too.
/// </summary>
public sealed class NpyFormatException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/> with a message that already names it.</summary>
    public NpyFormatException(string path, string message)
        : base(message)
    {
        Path = path;
    }

    /// <summary>The file, as given.</summary>
    public string Path { get; }
}
