using Microsoft.Data.Sqlite;

namespace FedSec.Results.Database;

/// <summary>Removes stored runs: their rows in every table, then their run directories (see <see cref="ResultsDatabase.Delete"/>).</summary>
internal sealed class RunDeletion
{
    private readonly SqliteConnection _connection;
    private readonly string _directory;

    public RunDeletion(SqliteConnection connection, string directory)
    {
        _connection = connection;
        _directory = Path.GetFullPath(directory);
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

        foreach (string runDir in directories)
        {
            // Only a directory inside the database's own: a stored path is data, and data is not trusted to name what to delete.
            string full = Path.GetFullPath(Path.Combine(_directory, runDir));
            if (runDir.Length > 0 && RunRows.IsInside(full, _directory) && System.IO.Directory.Exists(full))
            {
                System.IO.Directory.Delete(full, recursive: true);
            }
        }

        return deleted;
    }
}
