using FedSec.Output;
using FedSec.Results.Database;
using FedSec.Simulation;

namespace FedSec.Results.Tests.Database;

/// <summary>
/// The defenses' memory in the results database: <c>runs.defense_state_bytes</c>, <c>defense_peak_state_bytes</c>,
/// <c>defense_peak_allocated_bytes</c> and <c>rounds.defense_state_bytes</c>, <c>defense_allocated_bytes</c>, summed over the chain.
/// </summary>
public sealed class DefenseMemoryStorageTests
{
    private static GridRun Run(string key) => new(
        key,
        "attack=none defense=foolsgold seed=0",
        new Dictionary<string, string> { ["attack"] = "none", ["defense"] = "foolsgold", ["seed"] = "0" },
        0,
        "common_args:\n  random_seed: 0\n");

    [Fact]
    public void Ingest_RunWithTwoDefenses_StoresTheChainsSumsPerRunAndRoundAndReadsThemBack()
    {
        using var tmp = new TempDirectory();
        string runDir = Path.Combine(tmp.Path, "runs", "m");
        RunDirectoryWriter.Write(
            runDir,
            RunDirectoryWriter.Summary(2, 0.8) with
            {
                DefenseMemory = [new DefenseMemorySummary("foolsgold", 4000, 4000, 9000), new DefenseMemorySummary("median", 0, 0, 500)],
            },
            [
                RunDirectoryWriter.Round(0, 0.7) with { DefenseMemory = [new DefenseMemory("foolsgold", 3000, 9000), new DefenseMemory("median", 0, 400)] },
                RunDirectoryWriter.Round(1, 0.8) with { DefenseMemory = [new DefenseMemory("foolsgold", 4000, 8000), new DefenseMemory("median", 0, 500)] },
            ]);
        string path = tmp.File(ResultsDatabase.FileName);
        using var db = ResultsDatabase.Open(path);

        db.Ingest(Run("00000000000000f1"), runDir, 2);

        Assert.Equal(4000L, SqlProbe.Value(path, "SELECT defense_state_bytes FROM runs;"));
        Assert.Equal(9500L, SqlProbe.Value(path, "SELECT defense_peak_allocated_bytes FROM runs;"));
        Assert.Equal(3000L, SqlProbe.Value(path, "SELECT defense_state_bytes FROM rounds WHERE round = 0;"));
        Assert.Equal(8500L, SqlProbe.Value(path, "SELECT defense_allocated_bytes FROM rounds WHERE round = 1;"));
        var run = Assert.Single(db.Read().Runs);
        Assert.Equal(4000, run.DefenseStateBytes);
        Assert.Equal(4000, run.DefensePeakStateBytes);
        Assert.Equal(9500, run.DefensePeakAllocatedBytes);
    }

    [Fact]
    public void Ingest_RunWithoutDefenseMemory_StoresNull()
    {
        using var tmp = new TempDirectory();
        string runDir = Path.Combine(tmp.Path, "runs", "n");
        RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(1, 0.9), [RunDirectoryWriter.Round(0, 0.9)]);
        string path = tmp.File(ResultsDatabase.FileName);
        using var db = ResultsDatabase.Open(path);

        db.Ingest(Run("00000000000000f2"), runDir, 1);

        Assert.Equal(DBNull.Value, SqlProbe.Value(path, "SELECT defense_state_bytes FROM runs;"));
        Assert.Equal(DBNull.Value, SqlProbe.Value(path, "SELECT defense_allocated_bytes FROM rounds;"));
        Assert.Null(Assert.Single(db.Read().Runs).DefenseStateBytes);
    }
}
