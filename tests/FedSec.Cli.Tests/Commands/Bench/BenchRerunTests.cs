using FedSec.Cli.Commands.Bench;
using FedSec.Cli.Tests.TestSupport;
using FedSec.Results.Database;
using FedSec.Results.Grid;
using Microsoft.Data.Sqlite;

namespace FedSec.Cli.Tests.Commands.Bench;

/// <summary><c>fedsec bench --rerun</c> forgetting runs: rows, and run directories wiped under their locks.</summary>
public sealed class BenchRerunTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly List<ResultsDatabase> _databases = [];

    [Fact]
    public void Forget_SelectedRuns_RowsGoneAndDirectoriesWipedWithTheWipeRecorded_AnUnstoredCompletedDirectoryToo_OthersKept()
    {
        var (plan, output, db) = Finished(3);
        string orphan = GridRunner.RunDirectory(output, plan.Runs[2].RunKey);

        // The run of 3 rounds lost its row but kept the directory its child completed: a bench would adopt it.
        db.DeleteRows([plan.Runs[2].RunKey]);
        RunHistory.Append(orphan, new RunHistoryEntry(DateTime.UtcNow, 4242, RunEvent.Started));
        RunHistory.Append(orphan, new RunHistoryEntry(DateTime.UtcNow, 4242, RunEvent.Completed));
        var console = new Spectre.Console.Testing.TestConsole();

        var left = BenchRerun.Forget(console, db, output, [plan.Runs[0], plan.Runs[2]], db.FinishedRunKeys(), dryRun: false);

        Assert.Equal([plan.Runs[1].RunKey], left);
        Assert.Equal([plan.Runs[1].RunKey], db.FinishedRunKeys());
        Assert.Empty(FilesBut(GridRunner.RunDirectory(output, plan.Runs[0].RunKey)));
        Assert.Empty(FilesBut(orphan));
        Assert.Equal(RunEvent.Wiped, RunHistory.Read(orphan)[^1].Event);
        Assert.Null(RunHistory.LastCompletedRun(RunHistory.Read(orphan)));
        Assert.True(File.Exists(Path.Combine(GridRunner.RunDirectory(output, plan.Runs[1].RunKey), "summary.json")));
        Assert.Contains("1 finished run(s) of the 2 selected were forgotten", Flat(console), StringComparison.Ordinal);
    }

    [Fact]
    public void Forget_DirectoryHeldByAnotherProcess_LeavesItsRowAndFiles_SaysSo_AndForgetsTheOthers()
    {
        var (plan, output, db) = Finished(2);
        string busy = GridRunner.RunDirectory(output, plan.Runs[0].RunKey);
        RunHistory.Append(busy, new RunHistoryEntry(DateTime.UtcNow, 4242, RunEvent.Started));
        using var holder = RunDirectoryLock.TryAcquire(busy)!; // the child of an earlier bench, still ending
        var console = new Spectre.Console.Testing.TestConsole();

        var left = BenchRerun.Forget(console, db, output, plan.Runs, db.FinishedRunKeys(), dryRun: false, lockWait: TimeSpan.FromSeconds(1));

        Assert.Equal([plan.Runs[0].RunKey], left);
        Assert.Equal([plan.Runs[0].RunKey], db.FinishedRunKeys());
        Assert.True(File.Exists(Path.Combine(busy, "summary.json")));
        Assert.Equal(RunEvent.Started, RunHistory.Read(busy)[^1].Event);
        Assert.Empty(FilesBut(GridRunner.RunDirectory(output, plan.Runs[1].RunKey)));
        Assert.Contains("waiting up to 1 s for process 4242", Flat(console), StringComparison.Ordinal);
        Assert.Contains("1 finished run(s) of the 2 selected were forgotten", Flat(console), StringComparison.Ordinal);
        Assert.Contains($"1 run(s) were left alone, rows and directories, because a process of an earlier bench still holds their directory ({plan.Runs[0].RunKey})", Flat(console), StringComparison.Ordinal);
    }

    [Fact]
    public void Forget_DryRun_TouchesNothing()
    {
        var (plan, output, db) = Finished(2);
        var console = new Spectre.Console.Testing.TestConsole();

        var left = BenchRerun.Forget(console, db, output, [plan.Runs[0]], db.FinishedRunKeys(), dryRun: true);

        Assert.Equal([plan.Runs[1].RunKey], left);
        Assert.Equal(2, db.FinishedRunKeys().Count);
        Assert.True(File.Exists(Path.Combine(GridRunner.RunDirectory(output, plan.Runs[0].RunKey), "summary.json")));
        Assert.False(File.Exists(Path.Combine(GridRunner.RunDirectory(output, plan.Runs[0].RunKey), RunDirectoryLock.FileName)));
    }

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    /// <summary>The console's output on one line (it wraps long lines).</summary>
    private static string Flat(Spectre.Console.Testing.TestConsole console) =>
        System.Text.RegularExpressions.Regex.Replace(console.Output, @"\s+", " ");

    /// <summary>The files of a run directory other than its lock and its history.</summary>
    private static string[] FilesBut(string directory) =>
        Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).Where(n => n is not (RunDirectoryLock.FileName or RunHistory.FileName)).ToArray()!;

    /// <summary>A grid of runs of 1 to <paramref name="runs"/> rounds, every one stored as finished.</summary>
    private (BenchPlan Plan, string Output, ResultsDatabase Db) Finished(int runs)
    {
        string grid = _dir.File("grid.yaml");
        File.WriteAllText(grid, $"train_args: {{ comm_round: [{string.Join(", ", Enumerable.Range(1, runs))}] }}\n");
        string output = _dir.File("out");
        FinishedGrid.Mark(grid, output);
        var plan = BenchPlan.Create(grid, [], [], FedSec.Torch.Simulation.ExperimentFactory.CreateDefault());
        var db = ResultsDatabase.Open(Path.Combine(output, ResultsDatabase.FileName));
        _databases.Add(db);
        return (plan, output, db);
    }
}
