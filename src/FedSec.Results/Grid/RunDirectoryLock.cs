namespace FedSec.Results.Grid;

/// <summary>
/// The exclusive lock of a run directory, the open file <c>run.lock</c> in it: the <c>fedsec run</c> child of a bench
/// holds it for its whole life, and a bench holds it while it inspects, adopts or wipes the directory. The file is opened
/// with <see cref="FileShare.None"/>, which .NET takes as an <c>flock</c> on Linux and macOS (a sharing lock on Windows),
/// so the lock goes with its process however that ends, SIGKILL included. The file itself is never deleted: a lock on a
/// deleted and recreated file would not exclude the process still holding the old one.
/// </summary>
internal sealed class RunDirectoryLock : IDisposable
{
    /// <summary>The file name, in the run directory.</summary>
    public const string FileName = "run.lock";

    private readonly FileStream _stream;

    private RunDirectoryLock(string directory, FileStream stream)
    {
        Directory = directory;
        _stream = stream;
    }

    /// <summary>The run directory.</summary>
    public string Directory { get; }

    /// <summary>Takes the lock if no other holder has it (creating the directory when needed); null when another holds it.</summary>
    public static RunDirectoryLock? TryAcquire(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        System.IO.Directory.CreateDirectory(directory);
        try
        {
            return new RunDirectoryLock(directory, new FileStream(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            return null;
        }
    }

    /// <summary>
    /// Takes the lock, waiting up to <paramref name="wait"/> for its holder to end (calling <paramref name="waiting"/> once
    /// when it has to wait); null when the holder did not end in time or <paramref name="cancellationToken"/> was cancelled.
    /// </summary>
    public static RunDirectoryLock? Acquire(string directory, TimeSpan wait, CancellationToken cancellationToken, Action? waiting = null, TimeSpan? pollInterval = null)
    {
        var deadline = DateTime.UtcNow + wait;
        bool told = false;
        while (true)
        {
            if (TryAcquire(directory) is { } held)
            {
                return held;
            }

            if (DateTime.UtcNow >= deadline || cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            if (!told)
            {
                told = true;
                waiting?.Invoke();
            }

            cancellationToken.WaitHandle.WaitOne(pollInterval ?? TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>
    /// <see cref="Wipe"/>, first recording it (<see cref="RunEvent.Wiped"/>) when the directory has a history, so that a
    /// run an earlier child completed in it is no longer taken for one to adopt.
    /// </summary>
    public void WipeForAnotherRun()
    {
        if (RunHistory.Read(Directory).Count > 0)
        {
            RunHistory.Append(Directory, RunEvent.Wiped);
        }

        Wipe();
    }

    /// <summary>Deletes everything in the directory except the lock and the history, so a run can start afresh in it.</summary>
    public void Wipe()
    {
        foreach (string entry in System.IO.Directory.EnumerateFileSystemEntries(Directory).ToArray())
        {
            string name = Path.GetFileName(entry);
            if (name is FileName or RunHistory.FileName)
            {
                continue;
            }

            if (System.IO.Directory.Exists(entry))
            {
                System.IO.Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _stream.Dispose();
}
