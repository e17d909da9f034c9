using FedSec.Cli.Commands.Bench;
using FedSec.Cli.Tests.TestSupport;
using FedSec.Results.Database;
using FedSec.Results.Grid;
using FedSec.Torch.Simulation;
using Microsoft.Data.Sqlite;

namespace FedSec.Cli.Tests.Commands.Bench;

/// <summary>The real <c>fedsec bench</c> process, killed with SIGKILL while its runs are in progress, then resumed at once.</summary>
[Collection(OneAtATime.Name)]
public sealed class BenchProcessTests : IDisposable
{
    private const string Grid = """
        common_args: { random_seed: [0, 1, 2, 3, 4, 5] }
        data_args: { dataset: mnist, partition_method: homo, train_samples: 200, test_samples: 100 }
        model_args: { model: cnn }
        train_args: { client_num_in_total: 4, client_num_per_round: 4, comm_round: 2, epochs: 1, batch_size: 32 }
        attack_args: { enable_attack: false }
        defense_args: { enable_defense: false }
        """;

    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Bench_KilledWithRunsInProgress_ChildrenEndAndResumeStoresEveryRunOnce()
    {
        TinyMnist.Write(_dir.File("data"));
        File.WriteAllText(_dir.File("grid.yaml"), Grid);
        string output = _dir.File("out");
        string[] bench = ["bench", "grid.yaml", "--output", output, "--parallel", "2", "--data-dir", _dir.File("data")];
        var keys = RunKeys();

        List<int> orphans;
        using (var first = FedsecProcess.Start(_dir.Path, bench))
        {
            // Runs are in progress: a child run took its directory (run.history says so) and is still running.
            Poll.Until(() => ProcFs.ChildrenOf(first.Pid).Count > 0 && keys.Any(k => Started(output, k)), Bound, "a run of the first bench to start");
            orphans = ProcFs.ChildrenOf(first.Pid);
            first.KillAlone();
        }

        using var resume = FedsecProcess.Start(_dir.Path, bench);
        Poll.Until(() => orphans.All(pid => !ProcFs.IsRunning(pid)), Bound, "the killed bench's runs to end");
        int exitCode = resume.WaitForExit(Bound);

        Assert.True(exitCode == 0, $"The resumed bench exited with {exitCode}:\n{resume.Output}");
        Assert.NotEmpty(orphans);
        using (var db = ResultsDatabase.Open(Path.Combine(output, ResultsDatabase.FileName)))
        {
            var stored = db.Read();
            Assert.Equal(keys.Order(), stored.Runs.Select(r => r.RunKey).Order());
            Assert.All(keys, k => Assert.Equal(2, stored.Rounds.Count(r => r.RunKey == k)));
        }

        foreach (string key in keys)
        {
            string dir = GridRunner.RunDirectory(output, key);
            var history = RunHistory.Read(dir);
            HistoryChecks.AssertOneOwnerAtATime(history, dir);

            // A run that completed is stored as it is, never run again.
            int completed = history.ToList().FindIndex(e => e.Event is RunEvent.Completed);
            Assert.True(completed >= 0, $"{dir} has no completed run: {string.Join(", ", history)}");
            Assert.DoesNotContain(history.Skip(completed + 1), e => e.Event is RunEvent.Started);
        }

        // Each run of the killed bench that had taken a directory recorded how it ended: orphaned (its lifeline closed)
        // or completed just before; none was left holding a directory.
        var ends = keys.SelectMany(k => RunHistory.Read(GridRunner.RunDirectory(output, k))).Where(e => orphans.Contains(e.Pid)).ToArray();
        Assert.Contains(ends, e => e.Event is RunEvent.Started);
        Assert.All(ends.GroupBy(e => e.Pid), g => Assert.Contains(g.Last().Event, new[] { RunEvent.Orphaned, RunEvent.Completed }));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private static bool Started(string output, string key)
    {
        try
        {
            return RunHistory.Read(GridRunner.RunDirectory(output, key)).Any(e => e.Event is RunEvent.Started);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private IReadOnlyList<string> RunKeys() =>
        BenchPlan.Create(_dir.File("grid.yaml"), [], [], ExperimentFactory.CreateDefault()).Runs.Select(p => p.RunKey).ToArray();
}
