using Microsoft.Data.Sqlite;

namespace FedSec.Results.Database;

/// <summary>What ingesting, re-keying, merging and deleting runs share: a run's rows in every table, its stored run directory.</summary>
internal static class RunRows
{
    /// <summary>Deletes the rows of <paramref name="key"/> from every per-run table (inside the caller's transaction).</summary>
    public static void Delete(SqliteConnection connection, string key)
    {
        foreach (string table in DatabaseSchema.RunTables)
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM {table} WHERE run_key = $key;";
            delete.Parameters.AddWithValue("$key", key);
            delete.ExecuteNonQuery();
        }
    }

    /// <summary>The stored run directory of <paramref name="key"/> (relative to the database), or null when the run is not stored.</summary>
    public static string? Directory(SqliteConnection connection, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT run_dir FROM runs WHERE run_key = $key;";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Whether the full path <paramref name="path"/> lies strictly inside the full path <paramref name="directory"/>.</summary>
    public static bool IsInside(string path, string directory) => path.StartsWith(directory + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
