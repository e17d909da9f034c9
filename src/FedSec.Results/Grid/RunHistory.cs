using System.Globalization;

namespace FedSec.Results.Grid;

/// <summary>
/// <c>run.history</c>: who owned a run directory and how each owner ended, one line per event
/// (<c>2025-06-01T12:00:00.0000000Z 4242 started</c>). A bench keeps it when it wipes the directory, so it tells the
/// whole story of the directory; it is written only by the holder of the directory's <see cref="RunDirectoryLock"/>.
/// A bench reads it to adopt a run that an earlier bench's child completed but that bench did not store.
/// </summary>
internal static class RunHistory
{
    /// <summary>The file name, in the run directory.</summary>
    public const string FileName = "run.history";

    /// <summary>Who holds the directory, for messages: <c>process 4242</c> (its last unended run), or <c>another process</c>.</summary>
    public static string Holder(string runDirectory) =>
        LastUnendedRun(Read(runDirectory)) is { } pid ? $"process {pid}" : "another process";

    /// <summary>Appends an event of this process, now.</summary>
    public static void Append(string runDirectory, RunEvent e) =>
        Append(runDirectory, new RunHistoryEntry(DateTime.UtcNow, Environment.ProcessId, e));

    /// <summary>Appends <paramref name="entry"/>.</summary>
    public static void Append(string runDirectory, RunHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string line = string.Create(CultureInfo.InvariantCulture, $"{entry.At:O} {entry.Pid} {entry.Event.ToString().ToLowerInvariant()}\n");
        using var stream = new FileStream(Path.Combine(runDirectory, FileName), FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(System.Text.Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The entries in the order they were written; none when there is no history. Unreadable lines are skipped.</summary>
    public static IReadOnlyList<RunHistoryEntry> Read(string runDirectory)
    {
        string path = Path.Combine(runDirectory, FileName);
        if (!File.Exists(path))
        {
            return Array.Empty<RunHistoryEntry>();
        }

        var entries = new List<RunHistoryEntry>();
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        while (reader.ReadLine() is { } line)
        {
            string[] parts = line.Split(' ');
            if (parts.Length == 3
                && DateTime.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int pid)
                && Enum.TryParse<RunEvent>(parts[2], ignoreCase: true, out var e))
            {
                entries.Add(new RunHistoryEntry(at, pid, e));
            }
        }

        return entries;
    }

    /// <summary>
    /// The last child run of the history when it completed (its <see cref="RunEvent.Started"/> and
    /// <see cref="RunEvent.Completed"/> entries) and was not adopted or wiped since; otherwise null.
    /// </summary>
    public static (RunHistoryEntry Started, RunHistoryEntry Completed)? LastCompletedRun(IReadOnlyList<RunHistoryEntry> history)
    {
        int started = LastStarted(history);
        if (started < 0)
        {
            return null;
        }

        var after = history.Skip(started + 1).ToArray();
        var completed = after.FirstOrDefault(e => e.Event is RunEvent.Completed && e.Pid == history[started].Pid);
        return completed is null || after.Any(e => e.Event is RunEvent.Wiped or RunEvent.Adopted) ? null : (history[started], completed);
    }

    /// <summary>The process of the last child run that started and has no end in the history (it holds the lock, or was killed); else null.</summary>
    public static int? LastUnendedRun(IReadOnlyList<RunHistoryEntry> history)
    {
        int started = LastStarted(history);
        if (started < 0)
        {
            return null;
        }

        int pid = history[started].Pid;
        bool ended = history.Skip(started + 1).Any(e => e.Pid == pid && e.Event is RunEvent.Completed or RunEvent.Failed or RunEvent.Orphaned);
        return ended ? null : pid;
    }

    private static int LastStarted(IReadOnlyList<RunHistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        for (int i = history.Count - 1; i >= 0; i--)
        {
            if (history[i].Event is RunEvent.Started)
            {
                return i;
            }
        }

        return -1;
    }
}
