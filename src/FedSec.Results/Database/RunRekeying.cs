using Microsoft.Data.Sqlite;

namespace FedSec.Results.Database;

/// <summary>Moves stored runs to new keys: rows, run directories and the paths into them (see <see cref="ResultsDatabase.Rekey"/>).</summary>
internal sealed class RunRekeying
{
    private readonly SqliteConnection _connection;
    private readonly string _directory;

    public RunRekeying(SqliteConnection connection, string directory)
    {
        _connection = connection;
        _directory = directory;
    }

    public (int Moved, int Duplicates) Apply(IReadOnlyDictionary<string, string> newKeys, IReadOnlySet<string> finished)
    {
        var moving = newKeys.Where(kv => kv.Key != kv.Value && finished.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
        var taken = new HashSet<string>(finished.Except(moving.Select(kv => kv.Key)), StringComparer.Ordinal);
        var directories = new List<(string From, string To)>();
        var renames = new List<(string Temporary, string Key)>();
        int duplicates = 0;
        using var transaction = _connection.BeginTransaction();

        // Two steps, through temporary keys, so that a run may take the old key of another run that moves too.
        foreach (var (oldKey, newKey) in moving)
        {
            string oldDir = RunDirectory(oldKey);
            if (!taken.Add(newKey))
            {
                // The same run as another: it stays in the grid as one more cell of that run.
                MoveCells(oldKey, newKey);
                DeleteRun(oldKey);
                directories.Add((oldDir, string.Empty));
                duplicates++;
                continue;
            }

            string temporary = "~" + oldKey;
            string newDir = Path.GetFileName(oldDir) == oldKey ? $"{oldDir[..^oldKey.Length]}{newKey}" : oldDir;
            SetKey(oldKey, temporary);
            if (newDir != oldDir)
            {
                SetPaths(temporary, oldDir, newDir);
                directories.Add((oldDir, newDir));
            }

            renames.Add((temporary, newKey));
        }

        foreach (var (temporary, newKey) in renames)
        {
            SetKey(temporary, newKey);
        }

        transaction.Commit();
        MoveDirectories(directories);
        return (renames.Count, duplicates);
    }

    private void SetKey(string from, string to)
    {
        foreach (string table in DatabaseSchema.RunTables)
        {
            using var update = _connection.CreateCommand();
            update.CommandText = $"UPDATE {table} SET run_key = $to WHERE run_key = $from;";
            update.Parameters.AddWithValue("$to", to);
            update.Parameters.AddWithValue("$from", from);
            update.ExecuteNonQuery();
        }
    }

    private void SetPaths(string key, string oldDir, string newDir)
    {
        using var paths = _connection.CreateCommand();
        paths.CommandText = """
            UPDATE runs SET run_dir = $newDir WHERE run_key = $key;
            UPDATE reconstructions SET image_path = $newDir || substr(image_path, length($oldDir) + 1) WHERE run_key = $key AND image_path LIKE $oldDir || '/%';
            UPDATE reconstructions SET original_path = $newDir || substr(original_path, length($oldDir) + 1) WHERE run_key = $key AND original_path LIKE $oldDir || '/%';
            """;
        paths.Parameters.AddWithValue("$newDir", newDir);
        paths.Parameters.AddWithValue("$oldDir", oldDir);
        paths.Parameters.AddWithValue("$key", key);
        paths.ExecuteNonQuery();
    }

    // After the rows moved: deletes the directories of duplicates, then renames the others through temporary names
    // (a run may take the directory name of another that moves). A directory missing (a database copied without its
    // runs) is not an error.
    private void MoveDirectories(List<(string From, string To)> directories)
    {
        var staged = new List<(string Temporary, string To)>();
        foreach (var (from, to) in directories)
        {
            string source = Path.Combine(_directory, from);
            if (from.Length == 0 || !Directory.Exists(source))
            {
                continue;
            }

            if (to.Length == 0)
            {
                Directory.Delete(source, recursive: true);
                continue;
            }

            string temporary = source + ".rekeying";
            Directory.Move(source, temporary);
            staged.Add((temporary, Path.Combine(_directory, to)));
        }

        foreach (var (temporary, to) in staged)
        {
            if (Directory.Exists(to))
            {
                // A half-written directory of a run never stored under that key; the stored run's files win.
                Directory.Delete(to, recursive: true);
            }

            Directory.Move(temporary, to);
        }
    }

    private void MoveCells(string from, string to)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT OR IGNORE INTO run_cells (run_key, label, axes_json) SELECT $to, label, axes_json FROM runs WHERE run_key = $from;
            INSERT OR IGNORE INTO run_cells (run_key, label, axes_json) SELECT $to, label, axes_json FROM run_cells WHERE run_key = $from;
            """;
        command.Parameters.AddWithValue("$to", to);
        command.Parameters.AddWithValue("$from", from);
        command.ExecuteNonQuery();
    }

    private string RunDirectory(string key) => RunRows.Directory(_connection, key) ?? string.Empty;

    private void DeleteRun(string key) => RunRows.Delete(_connection, key);
}
