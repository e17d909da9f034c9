namespace FedSec.Cli.Commands.Bench;

/// <summary>
/// Keeps a second <c>fedsec bench</c> out of an output directory in use: two would run the same pending runs and wipe
/// each other's run directories. The lock is the open file <c>bench.lock</c>; it goes with the process, even a killed one.
/// </summary>
internal static class OutputLock
{
    public const string FileName = "bench.lock";

    public static FileStream Acquire(string outputDirectory)
    {
        string path = Path.Combine(outputDirectory, FileName);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new UsageException($"Another 'fedsec bench' is running in {Path.GetFullPath(outputDirectory)} (it holds {FileName}); wait for it to end, or give another --output.");
        }
    }
}
