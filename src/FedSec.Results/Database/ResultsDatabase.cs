using FedSec.Output;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace FedSec.Results.Database;

/// <summary>
/// The results of a grid in one embedded SQLite file (<see cref="FileName"/> in the output directory): one row per
/// finished run, keyed by <see cref="GridRun.RunKey"/>, with its rounds, detection counts and reconstructions. A run is
/// written in one transaction, so an interrupted grid leaves either all of a run or none of it. Safe to call from
/// several threads (calls are serialised).
/// </summary>
public sealed class ResultsDatabase : IDisposable
{
    /// <summary>The database's file name inside an output directory.</summary>
    public const string FileName = "results.db";

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();

    private readonly string _path;

    private ResultsDatabase(SqliteConnection connection, string path, TimeProvider clock)
    {
        _connection = connection;
        _path = path;
        Directory = Path.GetDirectoryName(path)!;
        _clock = clock;
    }

    /// <summary>The directory that holds the database; stored paths are relative to it.</summary>
    public string Directory { get; }

    /// <summary>Opens (creating it and its tables if missing) the database at <paramref name="path"/>, in WAL mode.</summary>
    public static ResultsDatabase Open(string path) => Open(path, TimeProvider.System);

    /// <summary>As <see cref="Open(string)"/>, with the clock that stamps <c>finished_at</c>.</summary>
    internal static ResultsDatabase Open(string path, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        System.IO.Directory.CreateDirectory(directory);

        // No pooling: closing the database really closes the file, so a finished grid's directory can be moved or deleted.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            connection.Open();
            // The version is read before anything is written: a newer fedsec's database is left as it was.
            Execute(connection, "PRAGMA busy_timeout=10000;");
            RefuseNewerSchema(connection, full);
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            BringToCurrentSchema(connection);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new InvalidDataException($"{full} is not a FedSec results database: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new ResultsDatabase(connection, full, clock);
    }

    /// <summary>
    /// Reads everything stored in the database at <paramref name="path"/> without changing it, for the commands that
    /// only read (report, export): <see cref="Open(string)"/> switches the file to WAL mode and adds the columns and
    /// tables of a newer schema, which changes a database committed to a repository each time it is reported. Here a
    /// read-only connection copies a consistent snapshot into memory (SQLite's backup, safe while a grid writes), and
    /// the copy is brought to the current schema and read.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">It is not a results database, or one of a newer schema.</exception>
    public static StoredResults ReadSnapshot(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"{full} does not exist.", full);
        }

        using var copy = OpenCopy(full);
        return copy.Read();
    }

    /// <summary>
    /// A database in memory holding a copy of the one at <paramref name="path"/> (an empty one when there is no file),
    /// brought to the current schema, for a command that must change nothing (<c>fedsec bench --dry-run</c>):
    /// <see cref="Open(string)"/> would create the file, or switch it to WAL mode and add a newer schema's columns. What
    /// is written to the copy is lost when it is disposed.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a results database, or one of a newer schema.</exception>
    public static ResultsDatabase OpenCopy(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        var copy = new SqliteConnection("Data Source=:memory:");
        try
        {
            copy.Open();
            if (File.Exists(full))
            {
                using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
                source.Open();
                Execute(source, "PRAGMA busy_timeout=10000;");
                RefuseNewerSchema(source, full);
                source.BackupDatabase(copy);
            }

            BringToCurrentSchema(copy);
        }
        catch (SqliteException e)
        {
            copy.Dispose();
            throw new InvalidDataException($"{full} is not a FedSec results database: {e.Message}", e);
        }
        catch
        {
            copy.Dispose();
            throw;
        }

        return new ResultsDatabase(copy, full, TimeProvider.System);
    }

    /// <summary>Throws when the database on <paramref name="connection"/> (the file <paramref name="full"/>) was written by a newer schema than this fedsec reads.</summary>
    private static void RefuseNewerSchema(SqliteConnection connection, string full)
    {
        int version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version > DatabaseSchema.Version)
        {
            throw new InvalidDataException($"{full} has results schema version {version}; this fedsec reads versions up to {DatabaseSchema.Version}. Use a newer fedsec.");
        }
    }

    /// <summary>Creates the tables that are missing, adds the columns an older schema lacks and stamps the current version.</summary>
    private static void BringToCurrentSchema(SqliteConnection connection)
    {
        Execute(connection, DatabaseSchema.Create);
        AddMissingColumns(connection);
        Execute(connection, $"PRAGMA user_version={DatabaseSchema.Version};");
    }

    /// <summary>The keys of the runs whose results are stored (fully: a run is stored in one transaction).</summary>
    public IReadOnlySet<string> FinishedRunKeys()
    {
        lock (_gate)
        {
            return FinishedKeysUnlocked();
        }
    }

    /// <summary>
    /// Reads <c>runDirectory/summary.json</c>, <c>runDirectory/rounds.jsonl</c> (checking the reconstruction images
    /// they list exist) and writes the run row and all its round, detection and reconstruction rows in one transaction,
    /// replacing any earlier rows of the same key. Throws <see cref="RunFilesException"/> naming the file when a file is
    /// missing or corrupt; then nothing is written.
    /// </summary>
    /// <param name="run">The run's identity in the grid.</param>
    /// <param name="runDirectory">Its output directory (as written by <c>fedsec run --output DIR</c>).</param>
    /// <param name="wallSeconds">Wall time of the whole run as the runner measured it (process start to end).</param>
    /// <returns>The run's summary as stored (with its status: a diverged run is a result and is stored like any other).</returns>
    public RunSummary Ingest(GridRun run, string runDirectory, double wallSeconds)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);
        CheckRun(run);
        var files = RunFiles.Read(runDirectory);
        string relativeRunDir = Relative(Path.GetFullPath(runDirectory));
        string finishedAt = _clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            RunRows.Delete(_connection, run.RunKey);

            var writer = new RunRowWriter(_connection, run.RunKey);
            writer.Run(run, files.Summary, relativeRunDir, wallSeconds, finishedAt);
            writer.Axes(run.Axes);
            writer.Rounds(files.Rounds);
            writer.Detection(files.Summary.Detection);
            writer.RoundDetection(files.Rounds);
            writer.Reconstructions(files.Rounds, file => Relative(Path.GetFullPath(Path.Combine(runDirectory, file))));
            transaction.Commit();
        }

        return files.Summary;
    }

    /// <summary>
    /// Records that a stored run also stands in another cell of a grid: two cells whose configurations resolve to the
    /// same settings (no attack at 10 % and at 20 % attackers, for a defense that does not read the count) are one run,
    /// which the report shows in both. Nothing happens for the run's own label or a cell recorded already.
    /// </summary>
    public void AddCell(string runKey, string label, IReadOnlyDictionary<string, string> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT OR IGNORE INTO run_cells (run_key, label, axes_json)
                SELECT $key, $label, $axes WHERE EXISTS (SELECT 1 FROM runs WHERE run_key = $key AND label <> $label);
                """;
            command.Parameters.AddWithValue("$key", runKey);
            command.Parameters.AddWithValue("$label", label);
            command.Parameters.AddWithValue("$axes", Json(axes));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>A value of the database's <c>meta</c> table (e.g. the run-key scheme its keys follow), or null when unset.</summary>
    public string? Meta(string name)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT value FROM meta WHERE name = $name;";
            command.Parameters.AddWithValue("$name", name);
            return command.ExecuteScalar() as string;
        }
    }

    /// <summary>Sets a value of the <c>meta</c> table.</summary>
    public void SetMeta(string name, string value)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT INTO meta (name, value) VALUES ($name, $value) ON CONFLICT(name) DO UPDATE SET value = excluded.value;";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$value", value);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Adds the grid's axis values, in the order of <paramref name="runs"/>, to the stored order (<see cref="GridAxisOrder"/>).</summary>
    public void RecordAxisOrder(IEnumerable<IReadOnlyDictionary<string, string>> runs) =>
        SetMeta(GridAxisOrder.MetaName, GridAxisOrder.Merge(Meta(GridAxisOrder.MetaName), runs));

    /// <summary>Every stored run's key with the configuration it ran (<c>config_yaml</c>), for moving runs to new keys.</summary>
    public IReadOnlyList<(string RunKey, string ConfigYaml)> StoredConfigs()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT run_key, config_yaml FROM runs ORDER BY run_key;";
            using var reader = command.ExecuteReader();
            var configs = new List<(string, string)>();
            while (reader.Read())
            {
                configs.Add((reader.GetString(0), reader.GetString(1)));
            }

            return configs;
        }
    }

    /// <summary>
    /// Moves stored runs to new keys (old key → new key), in one transaction: every table's rows, the run directory
    /// (<c>runs/OLD</c> is renamed <c>runs/NEW</c> when it is there) and the stored paths into it. When two runs map to
    /// one key they are the same run: the first (by old key) is kept and the other's rows and directory are removed.
    /// </summary>
    /// <returns>The number of runs moved and of duplicates removed.</returns>
    public (int Moved, int Duplicates) Rekey(IReadOnlyDictionary<string, string> newKeys)
    {
        ArgumentNullException.ThrowIfNull(newKeys);
        lock (_gate)
        {
            return new RunRekeying(_connection, Directory).Apply(newKeys, FinishedKeysUnlocked());
        }
    }

    /// <summary>How many stored runs ran on each tensor thread count (runs that did not record it left out).</summary>
    public IReadOnlyDictionary<int, int> TensorThreadCounts() => CountsBy("tensor_threads", r => r.GetInt32(0), EqualityComparer<int>.Default);

    /// <summary>How many stored runs trained on each machine (<see cref="FedSecMachine"/>; runs that did not record it left out).</summary>
    public IReadOnlyDictionary<string, int> MachineCounts() => CountsBy("machine", r => r.GetString(0), StringComparer.Ordinal);

    private Dictionary<TKey, int> CountsBy<TKey>(string column, Func<SqliteDataReader, TKey> key, IEqualityComparer<TKey> comparer)
        where TKey : notnull
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT {column}, COUNT(*) FROM runs WHERE {column} IS NOT NULL GROUP BY {column};";
            using var reader = command.ExecuteReader();
            var counts = new Dictionary<TKey, int>(comparer);
            while (reader.Read())
            {
                counts[key(reader)] = reader.GetInt32(1);
            }

            return counts;
        }
    }

    /// <summary>Every stored run's key with its label, by key.</summary>
    public IReadOnlyDictionary<string, string> StoredLabels()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT run_key, label FROM runs;";
            using var reader = command.ExecuteReader();
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                labels[reader.GetString(0)] = reader.GetString(1);
            }

            return labels;
        }
    }

    /// <summary>
    /// Deletes the stored runs of <paramref name="runKeys"/>: their rows in every table in one transaction, then each
    /// one's run directory when it lies inside this database's directory and no process holds its lock (a run of an
    /// earlier bench still ending in it keeps its directory). Unknown keys are skipped.
    /// </summary>
    /// <returns>The number of runs deleted.</returns>
    public int Delete(IReadOnlyCollection<string> runKeys)
    {
        ArgumentNullException.ThrowIfNull(runKeys);
        lock (_gate)
        {
            return new RunDeletion(_connection, Directory, withDirectories: true).Apply(runKeys);
        }
    }

    /// <summary>
    /// Deletes the rows of the stored runs of <paramref name="runKeys"/> in every table, in one transaction, and leaves
    /// their run directories to the caller (which wipes them under their locks). Unknown keys are skipped.
    /// </summary>
    /// <returns>The number of runs deleted.</returns>
    public int DeleteRows(IReadOnlyCollection<string> runKeys)
    {
        ArgumentNullException.ThrowIfNull(runKeys);
        lock (_gate)
        {
            return new RunDeletion(_connection, Directory, withDirectories: false).Apply(runKeys);
        }
    }

    /// <summary>
    /// Brings in the runs of the results database at <paramref name="sourcePath"/> (another machine's share of a grid)
    /// that this one lacks: every row in one transaction, after their run directories were copied to the same place
    /// relative to this database (a run directory outside the source's directory stays where it is, and its stored path
    /// is rewritten to reach it from here). A run both hold is kept as it is here (the same key is the same settings).
    /// </summary>
    /// <returns>The number of runs brought in, and of the source's runs this database held already.</returns>
    /// <exception cref="FileNotFoundException">There is no database at <paramref name="sourcePath"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="sourcePath"/> is this database.</exception>
    public (int Merged, int AlreadyHere) Merge(string sourcePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourcePath);
        string full = Path.GetFullPath(sourcePath);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"There is no results database at {full}: give the output directory of a 'fedsec bench' (it holds {FileName}).", full);
        }

        if (full == _path)
        {
            throw new ArgumentException($"{full} is the database merged into; give another bench's output directory.", nameof(sourcePath));
        }

        // Opening brings the source to this schema version (its missing columns added) before its rows are read.
        using (Open(full))
        {
        }

        lock (_gate)
        {
            return new RunMerge(_connection, Directory).Apply(full);
        }
    }

    /// <summary>Reads everything stored: runs, rounds, detection and reconstructions.</summary>
    public StoredResults Read()
    {
        lock (_gate)
        {
            return StoredResultsReader.Read(_connection);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    internal static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonOptions.Lines);

    private static void CheckRun(GridRun run)
    {
        if (run.RunKey.Length != 16 || !run.RunKey.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"Run key '{run.RunKey}' is not 16 hexadecimal characters.", nameof(run));
        }

        foreach (string axis in new[] { "attack", "defense", "seed" })
        {
            if (!run.Axes.ContainsKey(axis))
            {
                throw new ArgumentException($"Run '{run.Label}' has no '{axis}' axis; every run names its attack, defense and seed axes (axes given: {string.Join(", ", run.Axes.Keys)}).", nameof(run));
            }
        }
    }

    private IReadOnlySet<string> FinishedKeysUnlocked()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT run_key FROM runs;";
        using var reader = command.ExecuteReader();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    // Relative to the database's directory with '/' separators, so the output directory can be moved as a whole.
    private string Relative(string fullPath) => Path.GetRelativePath(Directory, fullPath).Replace('\\', '/');

    // A database written before a column was added opens as it is and gets the column (with its default) here.
    private static void AddMissingColumns(SqliteConnection connection)
    {
        AddMissingColumns(connection, "runs", DatabaseSchema.AddedRunColumns);
        AddMissingColumns(connection, "rounds", DatabaseSchema.AddedRoundColumns);
    }

    private static void AddMissingColumns(SqliteConnection connection, string table, IEnumerable<(string Name, string Definition)> columns)
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"PRAGMA table_info({table});";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                present.Add(reader.GetString(1));
            }
        }

        foreach (var (name, definition) in columns)
        {
            if (!present.Contains(name))
            {
                Execute(connection, $"ALTER TABLE {table} ADD COLUMN {name} {definition};");
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
