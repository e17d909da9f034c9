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
    public void Execute_DryRun_MakesNoDirectoryAndLeavesAStoredDatabaseByteForByte()
    {
        string output = _dir.File("out");
        FinishedGrid.Mark(Grid("train_args: { comm_round: 1 }\n"), _dir.File("other"));
        string grid = Grid("train_args: { comm_round: [1, 2] }\n");
        var (_, fresh) = CommandLine.Run("bench", grid, "--output", output, "--dry-run");
        Assert.Contains("2 runs (0 already finished, 2 to run", fresh, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));

        Directory.Move(_dir.File("other"), output);
        string db = Path.Combine(output, ResultsDatabase.FileName);
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            command.ExecuteNonQuery();
        }

        var before = File.ReadAllBytes(db);
        var (code, text) = CommandLine.Run("bench", grid, "--output", output, "--dry-run");

        Assert.Equal(0, code);
        Assert.Contains("2 runs (1 already finished, 1 to run", text, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(db));
        Assert.False(File.Exists(db + "-wal"));
    }

    [Fact]
    public void Execute_RerunDryRun_ListsTheSelectedFinishedRunAsToRun_AndForgetsNothing()
    {
        string grid = Grid("train_args: { comm_round: [1, 2] }\n");
        string output = _dir.File("out");
        FinishedGrid.Mark(grid, output);

        var (code, text) = CommandLine.Run("bench", grid, "--output", output, "--dry-run", "--rerun", "--only", "comm_round=1");

        Assert.Equal(0, code);
        Assert.Contains("--rerun: 1 finished run(s) of the 1 selected would be forgotten", text, StringComparison.Ordinal);
        Assert.Contains("1 runs (0 already finished, 1 to run", text, StringComparison.Ordinal);
        using var db = ResultsDatabase.Open(Path.Combine(output, ResultsDatabase.FileName));
        Assert.Equal(2, db.FinishedRunKeys().Count);
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(output, "runs")).Length);
    }

    [Fact]
    public void Validate_RerunWithPrune_AsksForOne()
    {
        var (code, text) = CommandLine.Run("bench", Grid("train_args: { comm_round: 1 }\n"), "--rerun", "--prune", "--output", _dir.File("out"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--rerun runs the selected runs again, and --prune runs nothing: give one of them", System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "), StringComparison.Ordinal);
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
        FinishedGrid.Mark(grid, output);

        var (code, text) = CommandLine.Run("bench", grid, "--output", output);

        Assert.Equal(0, code);
        Assert.Contains("Nothing to run.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_StoredRunsNoLongerInTheGrid_NamesThemAndDeletesThemOnlyWithPruneWhichRunsNothing()
    {
        string output = _dir.File("out");
        FinishedGrid.Mark(Grid("train_args: { comm_round: 1, learning_rate: [0.3, 0.1] }\n"), output);
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
        Assert.Contains("Run the same command without --prune to go on with the grid", Flat(pruned), StringComparison.Ordinal);
        Assert.DoesNotContain("of them ha", Flat(told), StringComparison.Ordinal);
        Assert.DoesNotContain("not a run of this grid", Flat(after), StringComparison.Ordinal);
        Assert.Contains("2 runs (1 already finished, 1 to run", Flat(after), StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(Path.Combine(output, "runs")));
        Assert.False(Directory.Exists(Path.Combine(output, "runs", stale)));
    }

    [Fact]
    public void Execute_ThreeShares_SplitTheGridsRunsBetweenThem()
    {
        string grid = Grid("common_args: { random_seed: [0, 1, 2, 3, 4, 5, 6, 7, 8] }\ntrain_args: { comm_round: 1 }\n");

        var shares = Enumerable.Range(1, 3).Select(k => CommandLine.Run("bench", grid, "--output", _dir.File($"out{k}"), "--dry-run", "--shard", $"{k}/3")).ToArray();

        Assert.All(shares, s => Assert.Equal(0, s.ExitCode));
        var pending = shares.Select(s => s.Output.Split('\n').Where(l => l.Contains("pending", StringComparison.Ordinal)).ToArray()).ToArray();
        Assert.Equal(9, pending.Sum(p => p.Length));
        Assert.Equal(9, pending.SelectMany(p => p).Select(l => l.Split('│', StringSplitOptions.TrimEntries)[2]).Distinct().Count());
        Assert.All(shares.Select((s, i) => (s, i)), x => Assert.Contains($"Share {x.i + 1}/3 of the grid's runs.", Flat(x.s.Output), StringComparison.Ordinal));
    }

    [Fact]
    public void Execute_MergeAnotherShare_BringsItsRunsInAndRunsNothing()
    {
        string here = _dir.File("here");
        string there = _dir.File("there");
        FinishedGrid.Mark(Grid("train_args: { comm_round: 1, learning_rate: [0.3] }\n"), here);
        FinishedGrid.Mark(Grid("train_args: { comm_round: 1, learning_rate: [0.1] }\n"), there);
        string grid = Grid("train_args: { comm_round: 1, learning_rate: [0.3, 0.1, 0.2] }\n");

        var (code, text) = CommandLine.Run("bench", grid, "--output", here, "--merge", there);
        var (_, again) = CommandLine.Run("bench", grid, "--output", here, "--merge", there);

        Assert.Equal(0, code);
        Assert.Contains($"Brought in 1 run from {there} (0 of its runs were here already).", Flat(text), StringComparison.Ordinal);
        Assert.Contains("3 runs (2 already finished, 1 to run", Flat(text), StringComparison.Ordinal);
        Assert.Contains("Run the same command without --merge to go on with the grid", Flat(text), StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(here, "runs")).Length);
        Assert.Contains($"Brought in 0 runs from {there} (1 of its runs were here already).", Flat(again), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dry-run", "--merge writes into the output directory, and --dry-run changes nothing: give one of them")]
    [InlineData("--shard", "--shard expects K/N with 1 <= K <= N (share K of N machines, e.g. --shard 2/3), not '3/2'")]
    [InlineData("", "there is no results.db there; give the output directory of a 'fedsec bench'")]
    public void Execute_BadShareOptions_UsageErrorSayingWhatIsAllowed(string option, string message)
    {
        string grid = Grid("train_args: { comm_round: 1 }\n");
        string[] extra = option switch
        {
            "--dry-run" => ["--merge", _dir.File("there"), "--dry-run"],
            "--shard" => ["--shard", "3/2"],
            _ => ["--merge", _dir.File("there")],
        };

        var (code, text) = CommandLine.Run(["bench", grid, "--output", _dir.File("out"), .. extra]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(message, Flat(text), StringComparison.Ordinal);
    }

    // The console wraps long lines.
    private static string Flat(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.TrimEntries));

    [Fact]
    public void Execute_StoredRunOfAnotherConfigInACellOfTheGrid_SaysTheReportWouldAverageThem()
    {
        string output = _dir.File("out");
        FinishedGrid.Mark(Grid("train_args: { comm_round: 1, learning_rate: 0.1 }\n"), output);
        string grid = Grid("train_args: { comm_round: 1, learning_rate: 0.2 }\n"); // as a bench with --set into the same directory

        var (_, told) = CommandLine.Run("bench", grid, "--output", output, "--dry-run");

        Assert.Contains("1 stored run is not a run of this grid (made by an entry or tune value since changed or removed, or another grid's): attack=none defense=none seed=0.", Flat(told), StringComparison.Ordinal);
        Assert.Contains("1 of them has the axes and seed of a run of this grid, with another configuration: the report would average it with the grid's run as if they were seeds; give this grid its own --output, or --prune.", Flat(told), StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_RecordsTheGridsOrderOfEveryAxis_WhateverOnlyRuns()
    {
        // The report shows attacks and defenses as the grid lists them: bench stores that order with the results.
        string grid = Grid("train_args: { comm_round: 1, learning_rate: [0.3, 0.1, 0.2] }\ncommon_args: { random_seed: [1, 0] }\n");
        string output = _dir.File("out");
        FinishedGrid.Mark(grid, output);

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

    private string Grid(string yaml)
    {
        string path = _dir.File("grid.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
