using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Results.Grid;
using FedSec.Components;
using FedSec.Results.Database;
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
}
