using FedSec.Results.Database;
using FedSec.Stages;

namespace FedSec.Results.Tests.Database;

/// <summary>Bringing another machine's share of a grid into one database.</summary>
public sealed class MergeTests : IDisposable
{
    private readonly TempDirectory _here = new();
    private readonly TempDirectory _there = new();
    private readonly TempDirectory _elsewhere = new();

    public void Dispose()
    {
        _here.Dispose();
        _there.Dispose();
        _elsewhere.Dispose();
    }

    [Fact]
    public void Merge_RunsThisOneLacks_BringsTheirRowsAndDirectoriesAndKeepsItsOwnVersionOfARunBothHold()
    {
        string path = _here.File(ResultsDatabase.FileName);
        using var db = ResultsDatabase.Open(path);
        Store(db, Path.Combine(_here.Path, "runs"), "000000000000000a", "here", 0.9);
        using (var other = ResultsDatabase.Open(_there.File(ResultsDatabase.FileName)))
        {
            Store(other, Path.Combine(_there.Path, "runs"), "000000000000000a", "there", 0.1);
            Store(other, Path.Combine(_there.Path, "runs"), "000000000000000b", "new", 0.8);
            other.AddCell("000000000000000b", "new twin", Axes("new twin"));
        }

        var (merged, alreadyHere) = db.Merge(_there.File(ResultsDatabase.FileName));

        Assert.Equal((1, 1), (merged, alreadyHere));
        Assert.Equal(["000000000000000a", "000000000000000b"], db.FinishedRunKeys().Order());
        var runs = db.Read().Runs.ToLookup(r => r.RunKey);
        Assert.Equal(0.9, runs["000000000000000a"].Single().FinalAccuracy);
        Assert.Equal(["new", "new twin"], runs["000000000000000b"].Select(r => r.Label).Order());
        Assert.Equal("runs/000000000000000b", runs["000000000000000b"].First().RunDirectory);
        Assert.Equal(2, db.Read().Rounds.Count(r => r.RunKey == "000000000000000b"));
        Assert.Equal("here", File.ReadAllText(Path.Combine(_here.Path, "runs", "000000000000000a", "marker")));
        Assert.Equal("new", File.ReadAllText(Path.Combine(_here.Path, "runs", "000000000000000b", "marker")));
    }

    [Fact]
    public void Merge_RunDirectoryOutsideTheSource_StaysWhereItIsAndItsPathsReachItFromHere()
    {
        using var db = ResultsDatabase.Open(_here.File(ResultsDatabase.FileName));
        using (var other = ResultsDatabase.Open(_there.File(ResultsDatabase.FileName)))
        {
            Store(other, _elsewhere.Path, "000000000000000c", "outside", 0.7, reconstruction: true);
        }

        Assert.Equal((1, 0), db.Merge(_there.File(ResultsDatabase.FileName)));

        string runDir = db.Read().Runs.Single().RunDirectory;
        Assert.Equal(Path.Combine(_elsewhere.Path, "000000000000000c"), Path.GetFullPath(Path.Combine(_here.Path, runDir)));
        Assert.False(Directory.Exists(Path.Combine(_here.Path, "runs")));
        string image = (string)SqlProbe.Value(_here.File(ResultsDatabase.FileName), "SELECT image_path FROM reconstructions;")!;
        Assert.True(File.Exists(Path.Combine(_here.Path, image)), image);
    }

    [Fact]
    public void Merge_NoDatabaseThereOrItself_FailsNamingThePath()
    {
        using var db = ResultsDatabase.Open(_here.File(ResultsDatabase.FileName));

        var missing = Assert.Throws<FileNotFoundException>(() => db.Merge(_there.File(ResultsDatabase.FileName)));
        var itself = Assert.Throws<ArgumentException>(() => db.Merge(_here.File(ResultsDatabase.FileName)));

        Assert.StartsWith($"There is no results database at {_there.File(ResultsDatabase.FileName)}", missing.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_there.File(ResultsDatabase.FileName)));
        Assert.StartsWith($"{_here.File(ResultsDatabase.FileName)} is the database merged into", itself.Message, StringComparison.Ordinal);
    }

    private static void Store(ResultsDatabase db, string parent, string key, string label, double accuracy, bool reconstruction = false)
    {
        string runDir = Path.Combine(parent, key);
        var rounds = new[] { RunDirectoryWriter.Round(0, 0.5), RunDirectoryWriter.Round(1, accuracy) };
        if (reconstruction)
        {
            rounds[1] = rounds[1] with { Reconstructions = [new ReconstructionReport(2, new Dictionary<string, double> { ["mse"] = 0.01 }, ["reconstruction/r.png"])] };
            Directory.CreateDirectory(Path.Combine(runDir, "reconstruction"));
            File.WriteAllBytes(Path.Combine(runDir, "reconstruction", "r.png"), [1]);
        }

        RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(2, accuracy), rounds);
        File.WriteAllText(Path.Combine(runDir, "marker"), label);
        db.Ingest(new GridRun(key, label, Axes(label), 0, "common_args:\n  random_seed: 0\n"), runDir, 1);
    }

    private static Dictionary<string, string> Axes(string label) => new() { ["attack"] = "byzantine", ["defense"] = "krum", ["seed"] = "0", ["cell"] = label };
}
