using FedSec.Results.Database;
using FedSec.Simulation;
using Microsoft.Data.Sqlite;

namespace FedSec.Results.Tests.Database;

public sealed class DivergedRunStorageTests
{
    private static readonly Divergence InRound1 = new(1, DivergenceStage.LocalTraining, 2, "client 2's local training produced NaN at conv1.weight[0]");

    private static GridRun Run(string key, long seed = 1) => new(
        key,
        $"attack=byzantine defense=krum seed={seed}",
        new Dictionary<string, string> { ["attack"] = "byzantine", ["defense"] = "krum", ["seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        seed,
        "common_args:\n  random_seed: 1\n");

    private static void WriteDivergedRun(string dir) => RunDirectoryWriter.Write(
        dir,
        RunDirectoryWriter.Summary(2, 0.098) with { Status = RunStatus.Diverged, Diverged = InRound1 },
        [RunDirectoryWriter.Round(0, 0.6), RunDirectoryWriter.Round(1, 0.098) with { Diverged = InRound1 }]);

    [Fact]
    public void Ingest_DivergedRun_StoresStatusAndDivergenceAndReadsThemBack()
    {
        using var tmp = new TempDirectory();
        string runDir = Path.Combine(tmp.Path, "runs", "d");
        WriteDivergedRun(runDir);
        string path = tmp.File(ResultsDatabase.FileName);
        using var db = ResultsDatabase.Open(path);

        var summary = db.Ingest(Run("00000000000000d1"), runDir, 2);

        Assert.Equal(RunStatus.Diverged, summary.Status);
        Assert.Equal("diverged", SqlProbe.Value(path, "SELECT status FROM runs;"));
        Assert.Equal(1L, SqlProbe.Value(path, "SELECT diverged_round FROM runs;"));
        Assert.Equal("local training", SqlProbe.Value(path, "SELECT diverged_stage FROM runs;"));
        var run = Assert.Single(db.Read().Runs);
        Assert.Equal(RunStatus.Diverged, run.Status);
        Assert.Equal(InRound1, run.Diverged);
        Assert.Equal(0.098, run.FinalAccuracy);
        Assert.Equal(2, run.Rounds);
    }

    [Fact]
    public void Ingest_CompletedRun_StoresCompletedAndNoDivergence()
    {
        using var tmp = new TempDirectory();
        string runDir = Path.Combine(tmp.Path, "runs", "c");
        RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(1, 0.9), [RunDirectoryWriter.Round(0, 0.9)]);
        string path = tmp.File(ResultsDatabase.FileName);
        using var db = ResultsDatabase.Open(path);

        db.Ingest(Run("00000000000000c1"), runDir, 1);

        Assert.Equal("completed", SqlProbe.Value(path, "SELECT status FROM runs;"));
        Assert.Equal(DBNull.Value, SqlProbe.Value(path, "SELECT diverged_round FROM runs;"));
        var run = Assert.Single(db.Read().Runs);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Null(run.Diverged);
    }

    [Fact]
    public void Open_DatabaseWithoutStatusColumns_AddsThemAndOldRunsReadAsCompleted()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(ResultsDatabase.FileName);
        using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = OldSchema.RunsOnly;
            cmd.ExecuteNonQuery();
        }

        string runDir = Path.Combine(tmp.Path, "runs", "d");
        WriteDivergedRun(runDir);
        using var db = ResultsDatabase.Open(path);
        db.Ingest(Run("00000000000000d1"), runDir, 2);

        var runs = db.Read().Runs.ToDictionary(r => r.RunKey);
        Assert.Equal(RunStatus.Completed, runs["00000000000000aa"].Status);
        Assert.Null(runs["00000000000000aa"].Diverged);
        Assert.Equal(0.9, runs["00000000000000aa"].FinalAccuracy);
        Assert.Null(runs["00000000000000aa"].DefenseStateBytes);
        Assert.Null(runs["00000000000000aa"].DataFingerprint);
        Assert.Equal(RunStatus.Diverged, runs["00000000000000d1"].Status);
        Assert.Equal(InRound1, runs["00000000000000d1"].Diverged);
    }

    [Fact]
    public void Ingest_SummaryDivergedWithoutItsRecord_ThrowsNamingSummaryAndWritesNothing()
    {
        using var tmp = new TempDirectory();
        string runDir = Path.Combine(tmp.Path, "runs", "x");
        RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(1, 0.1) with { Status = RunStatus.Diverged }, [RunDirectoryWriter.Round(0, 0.1)]);
        using var db = ResultsDatabase.Open(tmp.File(ResultsDatabase.FileName));

        var e = Assert.Throws<RunFilesException>(() => db.Ingest(Run("00000000000000e1"), runDir, 1));

        Assert.Contains("summary.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("diverged", e.Message, StringComparison.Ordinal);
        Assert.Empty(db.FinishedRunKeys());
    }
}
