using FedSec.Results.Database;
using FedSec.Simulation;
using Microsoft.Data.Sqlite;

namespace FedSec.Results.Tests.Database;

/// <summary>
/// <see cref="ResultsDatabase.ReadSnapshot"/>: the reading commands (report, export) read a database without changing
/// a byte of it, whatever its journal mode or schema, and while a grid writes to it.
/// </summary>
public sealed class ReadSnapshotTests
{
    [Fact]
    public void ReadSnapshot_DatabaseOfAnOlderSchemaInRollbackJournalMode_ReadsItsRuns_AndLeavesTheFileByteForByte()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(ResultsDatabase.FileName);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = OldSchema.RunsOnly;
            command.ExecuteNonQuery();
        }

        byte[] before = File.ReadAllBytes(path);

        var results = ResultsDatabase.ReadSnapshot(path);

        var run = Assert.Single(results.Runs);
        Assert.Equal(("00000000000000aa", RunStatus.Completed, 0.9), (run.RunKey, run.Status, run.FinalAccuracy));
        Assert.Empty(results.Rounds);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["results.db"], Directory.GetFiles(tmp.Path).Select(Path.GetFileName));
        Assert.Equal("delete", SqlProbe.Value(path, "PRAGMA journal_mode;"));
    }

    [Fact]
    public void ReadSnapshot_WhileAWriterHoldsTheDatabaseOpen_ReadsWhatItCommitted()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(ResultsDatabase.FileName);
        string runDir = Path.Combine(tmp.Path, "runs", "r");
        RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(1, 0.8), [RunDirectoryWriter.Round(0, 0.8)]);
        using var writer = ResultsDatabase.Open(path);
        writer.Ingest(RunDirectoryWriter.PlainRun("00000000000000b1"), runDir, 1);

        var results = ResultsDatabase.ReadSnapshot(path);

        Assert.Equal("00000000000000b1", Assert.Single(results.Runs).RunKey);
        Assert.Equal(0.8, Assert.Single(results.Rounds).Accuracy);
    }

    [Fact]
    public void ReadSnapshot_NoFile_FileNotFoundNamingIt_AndCreatesNothing()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(ResultsDatabase.FileName);

        var e = Assert.Throws<FileNotFoundException>(() => ResultsDatabase.ReadSnapshot(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void ReadSnapshot_NotADatabase_InvalidDataNamingTheFile()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(ResultsDatabase.FileName);
        File.WriteAllText(path, "these are not the results you are looking for, padded past SQLite's header of 100 bytes ...........");

        var e = Assert.Throws<InvalidDataException>(() => ResultsDatabase.ReadSnapshot(path));

        Assert.StartsWith($"{path} is not a FedSec results database", e.Message, StringComparison.Ordinal);
    }
}
