using FedSec.Results.Database;

namespace FedSec.Results.Tests.Database;

public sealed class RekeyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Rekey_RunsSwappingKeys_MovesEveryRowTheirDirectoriesAndPaths()
    {
        using var db = ResultsDatabase.Open(_dir.File(ResultsDatabase.FileName));
        Store(db, "000000000000000a", "label a");
        Store(db, "000000000000000b", "label b");

        var (moved, duplicates) = db.Rekey(new Dictionary<string, string> { ["000000000000000a"] = "000000000000000b", ["000000000000000b"] = "000000000000000c" });

        Assert.Equal((2, 0), (moved, duplicates));
        var runs = db.Read().Runs.ToDictionary(r => r.Label);
        Assert.Equal(("000000000000000b", "runs/000000000000000b"), (runs["label a"].RunKey, runs["label a"].RunDirectory));
        Assert.Equal(("000000000000000c", "runs/000000000000000c"), (runs["label b"].RunKey, runs["label b"].RunDirectory));
        Assert.Equal(2, db.Read().Rounds.Count(r => r.RunKey == "000000000000000b"));
        Assert.Equal("label a", File.ReadAllText(Path.Combine(_dir.Path, "runs", "000000000000000b", "marker")));
        Assert.Equal("label b", File.ReadAllText(Path.Combine(_dir.Path, "runs", "000000000000000c", "marker")));
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "runs", "000000000000000a")));
    }

    [Fact]
    public void Rekey_TwoRunsToOneKey_KeepsTheFirstAndShowsItInBothCells()
    {
        using var db = ResultsDatabase.Open(_dir.File(ResultsDatabase.FileName));
        Store(db, "000000000000000a", "malicious=10%");
        Store(db, "000000000000000b", "malicious=20%");

        var (moved, duplicates) = db.Rekey(new Dictionary<string, string> { ["000000000000000a"] = "00000000000000cc", ["000000000000000b"] = "00000000000000cc" });

        Assert.Equal((1, 1), (moved, duplicates));
        Assert.Equal(["00000000000000cc"], db.FinishedRunKeys());
        var runs = db.Read().Runs;
        Assert.Equal(["malicious=10%", "malicious=20%"], runs.Select(r => r.Label));
        Assert.All(runs, r => Assert.Equal("00000000000000cc", r.RunKey));
        Assert.Equal(2, db.Read().Rounds.Count);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "runs", "000000000000000b")));
    }

    [Fact]
    public void AddCell_OwnLabelOrUnknownRun_AddsNothing()
    {
        using var db = ResultsDatabase.Open(_dir.File(ResultsDatabase.FileName));
        Store(db, "000000000000000a", "main");

        db.AddCell("000000000000000a", "main", Axes("main"));
        db.AddCell("00000000000000ff", "other", Axes("other"));
        db.AddCell("000000000000000a", "second", Axes("second"));
        db.AddCell("000000000000000a", "second", Axes("second"));

        Assert.Equal(["main", "second"], db.Read().Runs.Select(r => r.Label));
    }

    private void Store(ResultsDatabase db, string key, string label)
    {
        string runDir = Path.Combine(_dir.Path, "runs", key);
        RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(2, 0.9), [RunDirectoryWriter.Round(0, 0.5), RunDirectoryWriter.Round(1, 0.9)]);
        File.WriteAllText(Path.Combine(runDir, "marker"), label);
        db.Ingest(new GridRun(key, label, Axes(label), 0, "common_args:\n  random_seed: 0\n"), runDir, 1);
    }

    private static Dictionary<string, string> Axes(string label) => new() { ["attack"] = "byzantine", ["defense"] = "krum", ["seed"] = "0", ["cell"] = label };
}
