using Microsoft.Data.Sqlite;

namespace FedSec.Results.Tests.Database;

/// <summary>Reads single values straight from a database file, past <c>ResultsDatabase</c>.</summary>
internal static class SqlProbe
{
    /// <summary>The first column of the first row of <paramref name="sql"/>.</summary>
    public static object? Value(string dbPath, string sql)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    /// <summary><see cref="Value"/> as an integer (a COUNT).</summary>
    public static long Count(string dbPath, string sql) =>
        Convert.ToInt64(Value(dbPath, sql), System.Globalization.CultureInfo.InvariantCulture);
}
