using FedSec.Results.Grid;
using Microsoft.Data.Sqlite;

namespace FedSec.Results.Database;

/// <summary>Removes stored runs: their rows in every table, then their run directories (see <see cref="ResultsDatabase.Delete"/>).</summary>
internal sealed class RunDeletion
{
    private readonly SqliteConnection _connection;
    private readonly string _directory;
    private readonly bool _withDirectories;

    public RunDeletion(SqliteConnection connection, string directory, bool withDirectories)
    {
        _connection = connection;
        _directory = Path.GetFullPath(directory);
        _withDirectories = withDirectories;
    }

    public int Apply(IReadOnlyCollection<string> keys)
    {
        var directories = new List<string>();
        int deleted = 0;
        using (var transaction = _connection.BeginTransaction())
        {
            foreach (string key in keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (RunRows.Directory(_connection, key) is not { } runDir)
                {
                    continue;
                }

                RunRows.Delete(_connection, key);
                directories.Add(runDir);
                deleted++;
            }

            transaction.Commit();
        }

        foreach (string runDir in _withDirectories ? directories : [])
        {
            // Only a directory inside the database's own: a stored path is data, and data is not trusted to name what to delete.
            string full = Path.GetFullPath(Path.Combine(_directory, runDir));
            if (runDir.Length > 0 && RunRows.IsInside(full, _directory) && System.IO.Directory.Exists(full))
            {
                DeleteUnlessHeld(full);
            }
        }

        return deleted;
    }

    /// <summary>
    /// Deletes a run directory unless a process holds its <see cref="RunDirectoryLock"/> (a run of an earlier bench still
    /// ending in it): a run started afresh in a recreated directory would share it with that process, which keeps
    /// writing to the same paths. Everything goes while the lock is held, the lock file last; the empty directory after
    /// it is released. A process that takes the lock in between makes a new lock file, which keeps the directory for it.
    /// </summary>
    private static void DeleteUnlessHeld(string runDirectory)
    {
        using (var held = RunDirectoryLock.TryAcquire(runDirectory))
        {
            if (held is null)
            {
                return;
            }

            held.Wipe();
            File.Delete(Path.Combine(runDirectory, RunHistory.FileName));
            try
            {
                File.Delete(Path.Combine(runDirectory, RunDirectoryLock.FileName));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return; // a system that does not delete an open file: the directory stays, with the lock file alone
            }
        }

        try
        {
            System.IO.Directory.Delete(runDirectory, recursive: false);
        }
        catch (IOException)
        {
            // Not empty: a process took the directory's lock in between, and it is its directory now.
        }
    }
}
