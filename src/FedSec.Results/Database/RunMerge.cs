using Microsoft.Data.Sqlite;

namespace FedSec.Results.Database;

/// <summary>
/// Brings another results database's runs into this one (see <see cref="ResultsDatabase.Merge"/>): the runs this one
/// lacks, with every row and their run directories. Hand-written: SQLite's ATTACH does the copying, but no library
/// knows which paths inside the rows name files, nor which of them to copy or rewrite.
/// </summary>
internal sealed class RunMerge
{
    private readonly SqliteConnection _connection;
    private readonly string _directory;

    public RunMerge(SqliteConnection connection, string directory)
    {
        _connection = connection;
        _directory = Path.GetFullPath(directory);
    }

    public (int Merged, int AlreadyHere) Apply(string sourcePath)
    {
        string sourceDirectory = Path.GetDirectoryName(Path.GetFullPath(sourcePath))!;
        Execute("ATTACH DATABASE $path AS src;", ("$path", sourcePath));
        try
        {
            var incoming = Rows("SELECT run_key, run_dir FROM src.runs WHERE run_key NOT IN (SELECT run_key FROM main.runs) ORDER BY run_key;");
            int alreadyHere = Convert.ToInt32(Scalar("SELECT COUNT(*) FROM src.runs WHERE run_key IN (SELECT run_key FROM main.runs);"), System.Globalization.CultureInfo.InvariantCulture);
            var moves = incoming.Select(r => Plan(r.Key, r.RunDir, sourceDirectory)).ToArray();

            // The files first: rows that name a directory not yet there would be a finished run without its files.
            foreach (var move in moves.Where(m => m.CopyFrom is not null))
            {
                CopyDirectory(move.CopyFrom!, Path.Combine(_directory, move.RunDir));
            }

            using var transaction = _connection.BeginTransaction();
            Execute("CREATE TEMP TABLE IF NOT EXISTS merging (run_key TEXT PRIMARY KEY NOT NULL); DELETE FROM temp.merging;");
            foreach (var move in moves)
            {
                Execute("INSERT INTO temp.merging (run_key) VALUES ($key);", ("$key", move.Key));
            }

            foreach (string table in DatabaseSchema.RunTables)
            {
                string columns = string.Join(", ", Columns(table));
                Execute($"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM src.{table} WHERE run_key IN (SELECT run_key FROM temp.merging);");
            }

            foreach (var move in moves)
            {
                RewritePaths(move, sourceDirectory);
            }

            Execute("DROP TABLE temp.merging;");
            transaction.Commit();
            return (moves.Length, alreadyHere);
        }
        finally
        {
            Execute("DETACH DATABASE src;");
        }
    }

    // A run directory inside the source's directory is copied to the same relative place here; one outside it stays
    // where it is and the stored path is rewritten to reach it from here.
    private Move Plan(string key, string runDir, string sourceDirectory)
    {
        string full = Path.GetFullPath(Path.Combine(sourceDirectory, runDir));
        bool inside = runDir.Length > 0 && RunRows.IsInside(full, sourceDirectory) && Directory.Exists(full)
            && RunRows.IsInside(Path.GetFullPath(Path.Combine(_directory, runDir)), _directory);
        return inside ? new Move(key, runDir, full, runDir) : new Move(key, runDir, null, Relative(full));
    }

    private void RewritePaths(Move move, string sourceDirectory)
    {
        if (move.RunDir != move.StoredRunDir)
        {
            Execute("UPDATE main.runs SET run_dir = $dir WHERE run_key = $key;", ("$dir", move.RunDir), ("$key", move.Key));
        }

        string copiedRoot = Path.GetFullPath(Path.Combine(sourceDirectory, move.StoredRunDir));
        foreach (string column in new[] { "image_path", "original_path" })
        {
            foreach (var (rowId, path) in Paths(column, move.Key))
            {
                string full = Path.GetFullPath(Path.Combine(sourceDirectory, path));
                if (move.CopyFrom is null || !RunRows.IsInside(full, copiedRoot))
                {
                    Execute($"UPDATE main.reconstructions SET {column} = $path WHERE rowid = $row;", ("$path", Relative(full)), ("$row", rowId));
                }
            }
        }
    }

    private List<(long RowId, string Path)> Paths(string column, string key)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT rowid, {column} FROM main.reconstructions WHERE run_key = $key AND {column} IS NOT NULL AND {column} <> '';";
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        var paths = new List<(long, string)>();
        while (reader.Read())
        {
            paths.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return paths;
    }

    private List<string> Columns(string table)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"PRAGMA main.table_info({table});";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(1));
        }

        return columns;
    }

    private List<(string Key, string RunDir)> Rows(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private string Relative(string fullPath) => Path.GetRelativePath(_directory, fullPath).Replace('\\', '/');

    // A directory already there (a half-written run of this directory's own bench) is replaced: the stored run's files win.
    private static void CopyDirectory(string from, string to)
    {
        if (Directory.Exists(to))
        {
            Directory.Delete(to, recursive: true);
        }

        Directory.CreateDirectory(to);
        foreach (string dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    /// <param name="Key">The run.</param>
    /// <param name="StoredRunDir">Its run directory as the source stores it.</param>
    /// <param name="CopyFrom">The directory to copy, or null when it stays where it is.</param>
    /// <param name="RunDir">Its run directory as this database stores it.</param>
    private readonly record struct Move(string Key, string StoredRunDir, string? CopyFrom, string RunDir);
}
