using FedSec.Cli.Commands.Bench;
using FedSec.Cli.Tests.TestSupport;
using FedSec.Results.Database;
using Microsoft.Data.Sqlite;

namespace FedSec.Cli.Tests.Commands.Bench;

/// <summary><c>fedsec bench</c> in this process, where it starts no run.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Execute_DryRun_ListsEveryRunAsPendingAndStartsNothing()
    {
        string grid = Grid("common_args: { random_seed: [0, 1] }\ntrain_args: { comm_round: 3 }\n");
        string output = _dir.File("out");

        var (code, text) = CommandLine.Run("bench", grid, "--output", output, "--dry-run");

        Assert.Equal(0, code);
        Assert.Contains("2 runs (0 already finished, 2 to run, 6 rounds)", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split('\n').Count(l => l.Contains("pending", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(Path.Combine(output, "runs")));
    }

    [Fact]
    public void Execute_OnlyOneSeed_PlansThatSeedsRunsAlone()
    {
        string grid = Grid("common_args: { random_seed: [0, 1, 2] }\ntrain_args: { comm_round: [2, 3] }\n");

        var (code, text) = CommandLine.Run("bench", grid, "--output", _dir.File("out"), "--dry-run", "--only", "seed=1");

        Assert.Equal(0, code);
        Assert.Contains("2 runs (0 already finished, 2 to run, 5 rounds)", text, StringComparison.Ordinal);
        Assert.Contains("Only the runs with seed ∈ {1}.", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split('\n').Count(l => l.Contains("pending", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("seed=7", "no run has seed = 7; the values are 0, 1")]
    [InlineData("defence=krum", "no run has the axis 'defence'")]
    [InlineData("seed", "--only 'seed' is not AXIS=VALUE")]
    public void Execute_OnlyWhatTheGridDoesNotHave_Exits2SayingWhatThereIs(string only, string expected)
    {
        string grid = Grid("common_args: { random_seed: [0, 1] }\ntrain_args: { comm_round: 1 }\n");

        var (code, text) = CommandLine.Run("bench", grid, "--output", _dir.File("out"), "--dry-run", "--only", only);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_AnotherBenchHoldsTheOutput_Exits2NamingTheLock()
    {
        string grid = Grid("train_args: { comm_round: 1 }\n");
        string output = _dir.File("out");
        Directory.CreateDirectory(output);
        using var held = new FileStream(Path.Combine(output, OutputLock.FileName), FileMode.Create, FileAccess.ReadWrite, FileShare.None);

        var (code, text) = CommandLine.Run("bench", grid, "--output", output);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"Another 'fedsec bench' is running in {Path.GetFullPath(output)} (it holds bench.lock)", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "runs")));
    }

    [Fact]
    public void Execute_OneRunInvalid_Exits3NamingThatRun()
    {
        string grid = Grid("train_args: { comm_round: [1, 0] }\n");

        var (code, text) = CommandLine.Run("bench", grid, "--output", _dir.File("out"), "--dry-run");

        Assert.Equal(ExitCodes.Config, code);
        Assert.Contains("run '", text, StringComparison.Ordinal);
        Assert.Contains("comm_round=0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_EveryRunFinished_SaysNothingToRunAndExitsZero()
    {
        string grid = Grid("train_args: { comm_round: 1 }\n");
        string output = _dir.File("out");
        var (_, dryRun) = CommandLine.Run("bench", grid, "--output", output, "--dry-run");
        Assert.Contains("1 to run", dryRun, StringComparison.Ordinal);
        MarkEveryRunFinished(grid, output);

        var (code, text) = CommandLine.Run("bench", grid, "--output", output);

        Assert.Equal(0, code);
        Assert.Contains("Nothing to run.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_StoredRunsNoLongerInTheGrid_NamesThemAndDeletesThemOnlyWithPruneWhichRunsNothing()
    {
        string output = _dir.File("out");
        MarkEveryRunFinished(Grid("train_args: { comm_round: 1, learning_rate: [0.3, 0.1] }\n"), output);
        string grid = Grid("train_args: { comm_round: 1, learning_rate: [0.3, 0.2] }\n");
        string stale;
        using (var db = ResultsDatabase.Open(Path.Combine(output, ResultsDatabase.FileName)))
        {
            stale = db.Read().Runs.Single(r => r.Axes["learning_rate"] == "0.1").RunKey;
        }

        var (_, told) = CommandLine.Run("bench", grid, "--output", output, "--dry-run");
        var (_, dryPrune) = CommandLine.Run("bench", grid, "--output", output, "--dry-run", "--prune");
        Assert.True(Directory.Exists(Path.Combine(output, "runs", stale)));
        var (code, pruned) = CommandLine.Run("bench", grid, "--output", output, "--prune");
        var (_, after) = CommandLine.Run("bench", grid, "--output", output, "--dry-run");

        Assert.Contains("1 stored run is not a run of this grid (made by an entry or tune value since changed or removed, or another grid's): attack=none defense=none learning_rate=0.1 seed=0. 'fedsec report' shows it too; --prune deletes it.", Flat(told), StringComparison.Ordinal);
        Assert.Contains("--prune would delete 1 stored run that is not a run of this grid: attack=none defense=none learning_rate=0.1 seed=0.", Flat(dryPrune), StringComparison.Ordinal);
        Assert.Equal(0, code);
        Assert.Contains("Deleted 1 stored run that is not a run of this grid, with its run directory: attack=none defense=none learning_rate=0.1 seed=0.", Flat(pruned), StringComparison.Ordinal);
        Assert.Contains("Run the same command without --prune to go on with the grid.", Flat(pruned), StringComparison.Ordinal);
        Assert.DoesNotContain("not a run of this grid", Flat(after), StringComparison.Ordinal);
        Assert.Contains("2 runs (1 already finished, 1 to run", Flat(after), StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(Path.Combine(output, "runs")));
        Assert.False(Directory.Exists(Path.Combine(output, "runs", stale)));
    }

    // The console wraps long lines.
    private static string Flat(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.TrimEntries));

    [Fact]
    public void Execute_RecordsTheGridsOrderOfEveryAxis_WhateverOnlyRuns()
    {
        // The report shows attacks and defenses as the grid lists them: bench stores that order with the results.
        string grid = Grid("train_args: { comm_round: 1, learning_rate: [0.3, 0.1, 0.2] }\ncommon_args: { random_seed: [1, 0] }\n");
        string output = _dir.File("out");
        MarkEveryRunFinished(grid, output);

        var (code, _) = CommandLine.Run("bench", grid, "--output", output, "--only", "seed=0");

        Assert.Equal(0, code);
        using var db = ResultsDatabase.Open(Path.Combine(output, ResultsDatabase.FileName));
        var order = GridAxisOrder.Parse(db.Meta(GridAxisOrder.MetaName));
        Assert.Equal(["1", "0"], order["seed"]);
        Assert.Equal(3, order["learning_rate"].Count);
        Assert.Equal(0, db.Read().Runs.Single(r => r.Seed == 1 && r.Axes["learning_rate"] == order["learning_rate"][0]).AxisRanks["seed"]);
    }

    [Fact]
    public void Execute_DataSetAbsentThatFedsecDoesNotFetch_Exits4NamingItAndWhereBeforeAnyRun()
    {
        string grid = Grid("data_args: { dataset: cifar10 }\nmodel_args: { model: lr }\ntrain_args: { comm_round: 1 }\n");
        string output = _dir.File("out");
        string data = _dir.File("data");
        Directory.CreateDirectory(data);

        var (code, text) = CommandLine.Run("bench", grid, "--output", output, "--data-dir", data);

        Assert.Equal(ExitCodes.Data, code);
        Assert.Contains("need cifar10", text, StringComparison.Ordinal);
        Assert.Contains("no run was started", text, StringComparison.Ordinal);
        Assert.Contains("cifar-10-binary.tar.gz", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "runs")));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private static void MarkEveryRunFinished(string grid, string output)
    {
        var plan = BenchPlan.Create(grid, [], [], FedSec.Torch.Simulation.ExperimentFactory.CreateDefault());
        using var db = ResultsDatabase.Open(Path.Combine(output, ResultsDatabase.FileName));
        foreach (var run in plan.Runs)
        {
            string dir = Path.Combine(output, "runs", run.RunKey);
            FinishedRunFiles.Write(dir);
            db.Ingest(new GridRun(run.RunKey, run.Label, run.Axes, run.Seed, FedSec.Configuration.ConfigYamlWriter.Write(run.Config)), dir, 1);
        }
    }

    private string Grid(string yaml)
    {
        string path = _dir.File("grid.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
