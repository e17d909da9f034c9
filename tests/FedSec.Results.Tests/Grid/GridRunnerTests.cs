using FedSec.Output;
using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Results.Grid;
using FedSec.Components;
using FedSec.Results.Database;
using FedSec.Results.Tests.Database;
using Microsoft.Data.Sqlite;

namespace FedSec.Results.Tests.Grid;

public sealed class GridRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fedsec-grid-").FullName;

    private static IReadOnlyList<GridRunPlan> Plans() => GridExpander.Expand(
        ConfigReader.Parse("common_args:\n  random_seed: [0, 1, 2, 3]\ntrain_args:\n  comm_round: 2\n", "grid.yaml"),
        ConfigVocabulary.ListValuedKeys(BuiltInComponents.CreateRegistry()),
        TestKeys.Binding);

    [Fact]
    public void Run_AllSucceed_EveryRunStoredOnce()
    {
        var plans = Plans();
        var launcher = new FakeLauncher();
        using var db = ResultsDatabase.Open(Path.Combine(_dir, ResultsDatabase.FileName));

        var outcomes = new GridRunner(db, launcher, _dir, parallel: 2) { PollInterval = TimeSpan.Zero }.Run(plans);

        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Equal(plans.Select(p => p.RunKey).Order(), db.FinishedRunKeys().Order());
        Assert.Equal(plans.Select(p => p.RunKey), launcher.Started);
    }

    [Fact]
    public void Run_AfterARunWasKilledMidway_ResumeRedoesOnlyItAndKeepsFinishedRows()
    {
        var plans = Plans();
        string dbPath = Path.Combine(_dir, ResultsDatabase.FileName);
        var first = new FakeLauncher();
        first.Crash.Add(plans[1].RunKey);
        using (var db = ResultsDatabase.Open(dbPath))
        {
            var outcomes = new GridRunner(db, first, _dir, parallel: 1) { PollInterval = TimeSpan.Zero }.Run(plans);
            Assert.False(outcomes.Single(o => o.Plan.RunKey == plans[1].RunKey).Succeeded);
        }

        var before = Rows(dbPath);
        Assert.Equal(3, before.Count);
        Assert.DoesNotContain(plans[1].RunKey, before.Keys);
        Assert.True(File.Exists(Path.Combine(GridRunner.RunDirectory(_dir, plans[1].RunKey), "rounds.jsonl")));

        var second = new FakeLauncher();
        using (var db = ResultsDatabase.Open(dbPath))
        {
            new GridRunner(db, second, _dir, parallel: 2) { PollInterval = TimeSpan.Zero }.Run(plans);
        }

        Assert.Equal(new[] { plans[1].RunKey }, second.Started);
        var after = Rows(dbPath);
        Assert.Equal(4, after.Count);
        foreach (var (key, row) in before)
        {
            Assert.Equal(row, after[key]);
        }

        Assert.Equal(2, RoundCount(dbPath, plans[1].RunKey));
    }

    [Fact]
    public void Run_ADivergedRun_IsStoredAsAResultAndNotRunAgain()
    {
        var plans = Plans();
        string dbPath = Path.Combine(_dir, ResultsDatabase.FileName);
        var first = new FakeLauncher();
        first.Diverge.Add(plans[2].RunKey);
        using (var db = ResultsDatabase.Open(dbPath))
        {
            var outcomes = new GridRunner(db, first, _dir, parallel: 2) { PollInterval = TimeSpan.Zero }.Run(plans);

            var diverged = outcomes.Single(o => o.Plan.RunKey == plans[2].RunKey);
            Assert.True(diverged.Succeeded);
            Assert.Equal(1, diverged.Diverged?.Round);
            Assert.All(outcomes.Where(o => o != diverged), o => Assert.Null(o.Diverged));
            var stored = db.Read().Runs.Single(r => r.RunKey == plans[2].RunKey);
            Assert.Equal(FedSec.Simulation.RunStatus.Diverged, stored.Status);
        }

        var second = new FakeLauncher();
        using (var db = ResultsDatabase.Open(dbPath))
        {
            Assert.Empty(new GridRunner(db, second, _dir, parallel: 2) { PollInterval = TimeSpan.Zero }.Run(plans));
        }

        Assert.Empty(second.Started);
    }

    [Fact]
    public void Run_Cancelled_StartsNothingMoreAndStoresNothingHalfDone()
    {
        var plans = Plans();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var launcher = new FakeLauncher();
        using var db = ResultsDatabase.Open(Path.Combine(_dir, ResultsDatabase.FileName));

        var outcomes = new GridRunner(db, launcher, _dir, parallel: 2).Run(plans, cancellationToken: cancel.Token);

        Assert.Empty(outcomes);
        Assert.Empty(launcher.Started);
        Assert.Empty(db.FinishedRunKeys());
    }

    [Fact]
    public void Run_RunCompletedByAKilledBenchButNotStored_IsAdoptedWithoutRunningIt()
    {
        var plans = Plans();
        string dir = GridRunner.RunDirectory(_dir, plans[0].RunKey);
        WriteCompletedRun(dir, FedSecBuild.Current);
        var launcher = new FakeLauncher();
        var observer = new RecordingObserver();
        using var db = ResultsDatabase.Open(Path.Combine(_dir, ResultsDatabase.FileName));

        var outcomes = new GridRunner(db, launcher, _dir, parallel: 2) { PollInterval = TimeSpan.Zero }.Run(plans, observer);

        Assert.DoesNotContain(plans[0].RunKey, launcher.Started);
        Assert.Equal(plans[0].RunKey, Assert.Single(observer.Adopted).Plan.RunKey);
        Assert.Equal(12, outcomes.Single(o => o.Plan.RunKey == plans[0].RunKey).Seconds, precision: 3);
        Assert.Equal(plans.Select(p => p.RunKey).Order(), db.FinishedRunKeys().Order());
        Assert.Equal(RunEvent.Adopted, RunHistory.Read(dir)[^1].Event);
    }

    [Theory]
    [InlineData("1.0.0+0000000000000000000000000000000000000000")]
    [InlineData(null)]
    public void Run_RunCompletedButNotStoredByAnotherBuild_IsMadeAgainNotAdopted(string? build)
    {
        // A run's key is its settings, not the code: a directory another build completed may hold numbers this build
        // no longer gives (one without a build was made before builds were recorded, so by another build too).
        var plans = Plans();
        string dir = GridRunner.RunDirectory(_dir, plans[0].RunKey);
        WriteCompletedRun(dir, build);
        var launcher = new FakeLauncher();
        var observer = new RecordingObserver();
        using var db = ResultsDatabase.Open(Path.Combine(_dir, ResultsDatabase.FileName));

        new GridRunner(db, launcher, _dir, parallel: 2) { PollInterval = TimeSpan.Zero }.Run(plans, observer);

        Assert.Contains(plans[0].RunKey, launcher.Started);
        Assert.Empty(observer.Adopted);
        Assert.Equal(plans.Select(p => p.RunKey).Order(), db.FinishedRunKeys().Order());
        Assert.Contains(RunEvent.Wiped, RunHistory.Read(dir).Select(e => e.Event));
    }

    [Fact]
    public void Run_BuildWithoutACommit_AdoptsNothing_EvenARunOfTheSameVersion()
    {
        // Every build outside a git checkout is "1.0.0": equal strings, not the same code.
        var plans = Plans();
        string dir = GridRunner.RunDirectory(_dir, plans[0].RunKey);
        WriteCompletedRun(dir, "1.0.0");
        var launcher = new FakeLauncher();
        var observer = new RecordingObserver();
        using var db = ResultsDatabase.Open(Path.Combine(_dir, ResultsDatabase.FileName));

        new GridRunner(db, launcher, _dir, parallel: 2) { PollInterval = TimeSpan.Zero, Build = "1.0.0" }.Run(plans, observer);

        Assert.Contains(plans[0].RunKey, launcher.Started);
        Assert.Empty(observer.Adopted);
        Assert.Contains(RunEvent.Wiped, RunHistory.Read(dir).Select(e => e.Event));
    }

    private static void WriteCompletedRun(string dir, string? build)
    {
        RunDirectoryWriter.Write(dir, RunDirectoryWriter.Summary(2, 0.5) with { Build = build }, [RunDirectoryWriter.Round(0, 0.4), RunDirectoryWriter.Round(1, 0.5)]);
        var started = DateTime.UtcNow.AddSeconds(-30);
        RunHistory.Append(dir, new RunHistoryEntry(started, 4242, RunEvent.Started));
        RunHistory.Append(dir, new RunHistoryEntry(started.AddSeconds(12), 4242, RunEvent.Completed));
    }

    [Fact]
    public void Run_RunDirectoryHeldByAnEndingRun_WaitsForItThenRedoesTheRun()
    {
        var plans = Plans();
        string dir = GridRunner.RunDirectory(_dir, plans[0].RunKey);
        var orphan = RunDirectoryLock.TryAcquire(dir)!;
        RunHistory.Append(dir, new RunHistoryEntry(DateTime.UtcNow, 4242, RunEvent.Started));
        File.WriteAllText(Path.Combine(dir, "rounds.jsonl"), "{}\n");
        var launcher = new FakeLauncher();
        var observer = new RecordingObserver
        {
            // The orphan notices its bench is gone while the runner waits: it records so and its lock goes with it.
            OnWaiting = () =>
            {
                Assert.DoesNotContain(plans[0].RunKey, launcher.Started);
                Assert.True(File.Exists(Path.Combine(dir, "rounds.jsonl")));
                RunHistory.Append(dir, new RunHistoryEntry(DateTime.UtcNow, 4242, RunEvent.Orphaned));
                orphan.Dispose();
            },
        };
        using var db = ResultsDatabase.Open(Path.Combine(_dir, ResultsDatabase.FileName));

        new GridRunner(db, launcher, _dir, parallel: 1) { PollInterval = TimeSpan.Zero }.Run(plans, observer);

        Assert.Equal((plans[0].RunKey, (int?)4242), Assert.Single(observer.Waited));
        Assert.Contains(plans[0].RunKey, launcher.Started);
        Assert.Equal([RunEvent.Started, RunEvent.Orphaned, RunEvent.Wiped], RunHistory.Read(dir).Select(e => e.Event));
        Assert.Equal(plans.Select(p => p.RunKey).Order(), db.FinishedRunKeys().Order());
    }

    [Fact]
    public void Run_RunDirectoryStillHeldAfterTheWait_FailsThatRunAndLeavesItsDirectoryAlone()
    {
        var plans = Plans();
        string dir = GridRunner.RunDirectory(_dir, plans[0].RunKey);
        using var held = RunDirectoryLock.TryAcquire(dir)!;
        RunHistory.Append(dir, new RunHistoryEntry(DateTime.UtcNow, 4242, RunEvent.Started));
        File.WriteAllText(Path.Combine(dir, "rounds.jsonl"), "{}\n");
        var launcher = new FakeLauncher();
        using var db = ResultsDatabase.Open(Path.Combine(_dir, ResultsDatabase.FileName));

        var outcomes = new GridRunner(db, launcher, _dir, parallel: 2) { PollInterval = TimeSpan.Zero, LockWait = TimeSpan.Zero }.Run(plans);

        var failed = outcomes.Single(o => o.Plan.RunKey == plans[0].RunKey);
        Assert.False(failed.Succeeded);
        Assert.Contains("still in use by process 4242", failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(plans[0].RunKey, launcher.Started);
        Assert.Equal("{}\n", File.ReadAllText(Path.Combine(dir, "rounds.jsonl")));
        Assert.Equal(3, db.FinishedRunKeys().Count);
    }

    [Fact]
    public void Run_OrphanedRun_RedoneInItsWipedDirectoryKeepingLockAndHistory()
    {
        var plans = Plans();
        string dir = GridRunner.RunDirectory(_dir, plans[0].RunKey);
        Directory.CreateDirectory(dir);
        RunHistory.Append(dir, new RunHistoryEntry(DateTime.UtcNow, 4242, RunEvent.Started));
        RunHistory.Append(dir, new RunHistoryEntry(DateTime.UtcNow, 4242, RunEvent.Orphaned));
        File.WriteAllText(Path.Combine(dir, "stale.txt"), "from the killed bench's run");
        using var db = ResultsDatabase.Open(Path.Combine(_dir, ResultsDatabase.FileName));

        new GridRunner(db, new FakeLauncher(), _dir, parallel: 1) { PollInterval = TimeSpan.Zero }.Run(plans);

        Assert.False(File.Exists(Path.Combine(dir, "stale.txt")));
        Assert.True(File.Exists(Path.Combine(dir, RunDirectoryLock.FileName)));
        Assert.Equal([RunEvent.Started, RunEvent.Orphaned, RunEvent.Wiped], RunHistory.Read(dir).Select(e => e.Event));
        Assert.Contains(plans[0].RunKey, db.FinishedRunKeys());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static Dictionary<string, string> Rows(string dbPath)
    {
        using var c = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT run_key, label, final_accuracy, finished_at FROM runs";
        using var r = cmd.ExecuteReader();
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        while (r.Read())
        {
            rows[r.GetString(0)] = $"{r.GetString(1)}|{r.GetValue(2)}|{r.GetValue(3)}";
        }

        return rows;
    }

    private static long RoundCount(string dbPath, string key)
    {
        using var c = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM rounds WHERE run_key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>Records what the runner tells its observer; <see cref="OnWaiting"/> runs when it waits for a run directory.</summary>
    private sealed class RecordingObserver : IGridObserver
    {
        public Action? OnWaiting { get; init; }

        public List<(string RunKey, int? Holder)> Waited { get; } = new();

        public List<GridRunOutcome> Adopted { get; } = new();

        public void RunStarted(GridRunPlan plan)
        {
        }

        public void RunProgressed(GridRunPlan plan, int roundsDone)
        {
        }

        public void RunEnded(GridRunOutcome outcome)
        {
        }

        public void RunWaiting(GridRunPlan plan, int? holderPid)
        {
            Waited.Add((plan.RunKey, holderPid));
            OnWaiting?.Invoke();
        }

        public void RunAdopted(GridRunOutcome outcome) => Adopted.Add(outcome);
    }
}
