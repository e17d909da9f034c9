using System.Diagnostics;
using FedSec.Configuration;
using FedSec.Results.Database;

namespace FedSec.Results.Grid;

/// <summary>
/// Runs the unfinished runs of a grid, a configurable number at a time, each in its own directory
/// (<c>OUTPUT/runs/KEY/</c>). A run counts as finished only once its results are in the database, written in one
/// transaction after it exited successfully; so a grid stopped at any point (Ctrl-C, crash, kill) loses nothing finished,
/// and the next invocation wipes and redoes each half-written run directory. A run that diverged (its model became
/// non-finite; <c>fedsec run</c> exits 0 and records it) is a result: it is stored and not run again.
/// </summary>
public sealed class GridRunner
{
    /// <summary>The configuration file written into each run directory for the run to read.</summary>
    public const string PlannedConfigFile = "planned.yaml";

    private readonly ResultsDatabase _database;
    private readonly IRunLauncher _launcher;
    private readonly string _outputDirectory;

    /// <summary>Creates a runner storing into <paramref name="database"/> and run directories under <paramref name="outputDirectory"/>.</summary>
    public GridRunner(ResultsDatabase database, IRunLauncher launcher, string outputDirectory, int parallel)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        _database = database;
        _launcher = launcher;
        _outputDirectory = outputDirectory;
        Parallel = parallel;
    }

    /// <summary>Runs at a time.</summary>
    public int Parallel { get; }

    /// <summary>How often running runs are checked.</summary>
    /// <value>The default value is 250 ms.</value>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The directory of a run.</summary>
    public static string RunDirectory(string outputDirectory, string runKey) => Path.Combine(outputDirectory, "runs", runKey);

    /// <summary>
    /// Runs every plan whose key is not yet finished in the database, in order. On cancellation the running runs are
    /// killed (and redone next time); the outcomes so far are returned.
    /// </summary>
    public IReadOnlyList<GridRunOutcome> Run(IReadOnlyList<GridRunPlan> plans, IGridObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var finished = _database.FinishedRunKeys();
        var queue = new Queue<GridRunPlan>(plans.Where(p => !finished.Contains(p.RunKey)));
        var active = new List<ActiveRun>();
        var outcomes = new List<GridRunOutcome>();
        try
        {
            while (queue.Count > 0 || active.Count > 0)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                while (active.Count < Parallel && queue.Count > 0)
                {
                    active.Add(Start(queue.Dequeue(), observer));
                }

                foreach (var a in active.ToArray())
                {
                    int rounds = CountRounds(a.Directory);
                    if (rounds != a.Rounds)
                    {
                        a.Rounds = rounds;
                        observer?.RunProgressed(a.Plan, rounds);
                    }

                    if (a.Process.HasExited)
                    {
                        active.Remove(a);
                        var outcome = Finish(a);
                        a.Process.Dispose();
                        outcomes.Add(outcome);
                        observer?.RunEnded(outcome);
                    }
                }

                if (active.Count > 0 || queue.Count > 0)
                {
                    cancellationToken.WaitHandle.WaitOne(PollInterval);
                }
            }
        }
        finally
        {
            foreach (var a in active)
            {
                a.Process.Kill();
                a.Process.Dispose();
            }
        }

        return outcomes;
    }

    private ActiveRun Start(GridRunPlan plan, IGridObserver? observer)
    {
        string dir = RunDirectory(_outputDirectory, plan.RunKey);
        if (Directory.Exists(dir))
        {
            // Left by an interrupted earlier invocation: nothing in it counts, so it is redone from scratch.
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        string configPath = Path.Combine(dir, PlannedConfigFile);
        File.WriteAllText(configPath, ConfigYamlWriter.Write(plan.Config));
        var clock = Stopwatch.StartNew();
        var process = _launcher.Start(plan, configPath, dir);
        observer?.RunStarted(plan);
        return new ActiveRun(plan, dir, process, clock);
    }

    private GridRunOutcome Finish(ActiveRun a)
    {
        double seconds = a.Clock.Elapsed.TotalSeconds;
        if (a.Process.ExitCode != 0)
        {
            return new GridRunOutcome(a.Plan, false, $"exit code {a.Process.ExitCode}: {a.Process.FailureText()}", seconds);
        }

        try
        {
            var run = new GridRun(a.Plan.RunKey, a.Plan.Label, a.Plan.Axes, a.Plan.Seed, ConfigYamlWriter.Write(a.Plan.Config));
            var summary = _database.Ingest(run, a.Directory, seconds);
            return new GridRunOutcome(a.Plan, true, null, seconds, summary.Diverged);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return new GridRunOutcome(a.Plan, false, $"its results could not be stored: {e.Message}", seconds);
        }
    }

    private static int CountRounds(string directory)
    {
        string path = Path.Combine(directory, "rounds.jsonl");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            int lines = 0;
            Span<byte> buffer = stackalloc byte[8192];
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                lines += buffer[..n].Count((byte)'\n');
            }

            return lines;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return 0;
        }
    }
}
