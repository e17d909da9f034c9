using FedSec.Results.Database;
using FedSec.Results.Grid;

namespace FedSec.Results.Tests.Database;

public sealed class DeleteTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TempDirectory _elsewhere = new();

    public void Dispose()
    {
        _dir.Dispose();
        _elsewhere.Dispose();
    }

    [Fact]
    public void Delete_OneOfTwoRuns_RemovesItsRowsInEveryTableAndItsDirectoryAndKeepsTheOther()
    {
        string path = _dir.File(ResultsDatabase.FileName);
        using var db = ResultsDatabase.Open(path);
        Store(db, Path.Combine(_dir.Path, "runs"), "000000000000000a", "stale");
        Store(db, Path.Combine(_dir.Path, "runs"), "000000000000000b", "kept");
        db.AddCell("000000000000000a", "stale twin", Axes("stale twin"));

        int deleted = db.Delete(["000000000000000a", "00000000000000ff"]);

        Assert.Equal(1, deleted);
        Assert.Equal(["000000000000000b"], db.FinishedRunKeys());
        Assert.All(DatabaseSchema.RunTables, t => Assert.Equal(0, SqlProbe.Count(path, $"SELECT COUNT(*) FROM {t} WHERE run_key = '000000000000000a';")));
        Assert.Equal(2, db.Read().Rounds.Count(r => r.RunKey == "000000000000000b"));
        Assert.Equal(new Dictionary<string, string> { ["000000000000000b"] = "kept" }, db.StoredLabels());
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "runs", "000000000000000a")));
        Assert.True(File.Exists(Path.Combine(_dir.Path, "runs", "000000000000000b", "marker")));
    }

    [Fact]
    public void Delete_RunDirectoryOutsideTheDatabasesDirectory_DeletesTheRowsAndLeavesTheDirectory()
    {
        using var db = ResultsDatabase.Open(_dir.File(ResultsDatabase.FileName));
        Store(db, _elsewhere.Path, "000000000000000a", "outside");

        Assert.Equal(1, db.Delete(["000000000000000a"]));

        Assert.Empty(db.FinishedRunKeys());
        Assert.True(File.Exists(Path.Combine(_elsewhere.Path, "000000000000000a", "marker")));
    }

    [Fact]
    public void Delete_RunDirectoryHeldByAnotherProcess_DeletesTheRowsAndLeavesTheDirectoryToItsHolder()
    {
        using var db = ResultsDatabase.Open(_dir.File(ResultsDatabase.FileName));
        string runs = Path.Combine(_dir.Path, "runs");
        Store(db, runs, "000000000000000a", "held");
        Store(db, runs, "000000000000000b", "free");
        string held = Path.Combine(runs, "000000000000000a");

        using (var holder = RunDirectoryLock.TryAcquire(held)!) // a run of an earlier bench, still ending in it
        {
            Assert.Equal(2, db.Delete(["000000000000000a", "000000000000000b"]));
        }

        Assert.Empty(db.FinishedRunKeys());
        Assert.True(File.Exists(Path.Combine(held, "marker")));
        Assert.True(File.Exists(Path.Combine(held, RunDirectoryLock.FileName)));
        Assert.False(Directory.Exists(Path.Combine(runs, "000000000000000b")));
    }

    [Fact]
    public void DeleteRows_DeletesTheRowsAndLeavesTheRunDirectory()
    {
        using var db = ResultsDatabase.Open(_dir.File(ResultsDatabase.FileName));
        Store(db, Path.Combine(_dir.Path, "runs"), "000000000000000a", "rows only");

        Assert.Equal(1, db.DeleteRows(["000000000000000a", "00000000000000ff"]));

        Assert.Empty(db.FinishedRunKeys());
        Assert.True(File.Exists(Path.Combine(_dir.Path, "runs", "000000000000000a", "marker")));
    }

    private static void Store(ResultsDatabase db, string parent, string key, string label)
    {
        string runDir = Path.Combine(parent, key);
        RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(2, 0.9), [RunDirectoryWriter.Round(0, 0.5), RunDirectoryWriter.Round(1, 0.9)]);
        File.WriteAllText(Path.Combine(runDir, "marker"), label);
        db.Ingest(new GridRun(key, label, Axes(label), 0, "common_args:\n  random_seed: 0\n"), runDir, 1);
    }

    private static Dictionary<string, string> Axes(string label) => new() { ["attack"] = "byzantine", ["defense"] = "krum", ["seed"] = "0", ["cell"] = label };
}
