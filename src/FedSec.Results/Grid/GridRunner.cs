using System.Diagnostics;
using FedSec.Configuration;
using FedSec.Output;
using FedSec.Results.Database;

namespace FedSec.Results.Grid;

/// <summary>
/// Runs the unfinished runs of a grid, a configurable number at a time, each in its own directory
/// (<c>OUTPUT/runs/KEY/</c>). A run counts as finished only once its results are in the database, written in one
/// transaction after it exited successfully; so a grid stopped at any point (Ctrl-C, crash, kill) loses nothing finished,
/// and the next invocation wipes and redoes each half-written run directory. A run that diverged (its model became
/// non-finite; <c>fedsec run</c> exits 0 and records it) is a result: it is stored and not run again.
/// <para>
/// Before it touches a run directory the runner takes the directory's <see cref="RunDirectoryLock"/>, which a run holds
/// for its whole life, so a resume started right after a bench was killed waits for that bench's runs to end (they end
/// with their bench, <see cref="GridChildSession"/>) instead of wiping a directory a run still writes. A run whose
/// <see cref="RunHistory"/> says it completed, but which is not in the database (the bench died before storing it), is
/// adopted: stored as it is, not run again.
/// </para>
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

    /// <summary>How long to wait for another process to release a run directory before reporting the run as failed.</summary>
    /// <value>The default value is one minute.</value>
    public TimeSpan LockWait { get; init; } = DefaultLockWait;

    /// <summary>The default <see cref="LockWait"/>, one minute: a killed bench's child ends itself within moments.</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The build this runner's runs are made by; a completed run directory without a row is adopted only when this build
    /// made it and names its commit (builds outside a git checkout all look alike).
    /// </summary>
    /// <value>The default value is <see cref="FedSecBuild.Current"/>.</value>
    public string Build { get; init; } = FedSecBuild.Current;

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

                while (active.Count < Parallel && queue.Count > 0 && !cancellationToken.IsCancellationRequested)
                {
                    var (started, settled) = Start(queue.Dequeue(), observer, cancellationToken);
                    if (started is not null)
                    {
                        active.Add(started);
                    }
                    else if (settled is not null)
                    {
                        outcomes.Add(settled);
                    }
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

    /// <summary>
    /// Takes the run directory's lock (waiting for an earlier bench's run to end), then adopts the run when that run
    /// completed, or else wipes the directory and starts the run. Returns the started run, or the outcome of a run settled
    /// without starting (adopted, or its directory still in use), or neither when cancelled while waiting.
    /// </summary>
    private (ActiveRun? Started, GridRunOutcome? Settled) Start(GridRunPlan plan, IGridObserver? observer, CancellationToken cancellationToken)
    {
        string dir = RunDirectory(_outputDirectory, plan.RunKey);
        string configPath = Path.Combine(dir, PlannedConfigFile);
        using (var held = RunDirectoryLock.Acquire(dir, LockWait, cancellationToken, () => observer?.RunWaiting(plan, RunHistory.LastUnendedRun(RunHistory.Read(dir)))))
        {
            if (held is null)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return (null, null);
                }

                var inUse = InUse(plan, dir);
                observer?.RunEnded(inUse);
                return (null, inUse);
            }

            if (Adopt(plan, dir) is { } adopted)
            {
                observer?.RunAdopted(adopted);
                return (null, adopted);
            }

            // Left by an interrupted earlier invocation (its run ended, the lock says so): nothing in it counts, so it is
            // redone from scratch. The lock file and the history stay.
            held.WipeForAnotherRun();
            File.WriteAllText(configPath, ConfigYamlWriter.Write(plan.Config));
        }

        var clock = Stopwatch.StartNew();
        var process = _launcher.Start(plan, configPath, dir);
        observer?.RunStarted(plan);
        return (new ActiveRun(plan, dir, process, clock), null);
    }

    /// <summary>
    /// Stores a run that a run of an earlier bench completed (its history says so) but that bench did not store; null
    /// when there is none. Only a run this build made is stored: a run's key is its settings, not the code, and a
    /// directory another build completed (or one that did not record its build) may hold numbers the code no longer
    /// gives, so such a run is made again. A build without its commit cannot tell another build from itself, so it
    /// adopts nothing.
    /// </summary>
    private GridRunOutcome? Adopt(GridRunPlan plan, string dir)
    {
        if (RunHistory.LastCompletedRun(RunHistory.Read(dir)) is not { } completed || !File.Exists(Path.Combine(dir, RunFiles.SummaryFile)))
        {
            return null;
        }

        if (!FedSecBuild.HasCommit(Build) || BuildOf(dir) != Build)
        {
            return null;
        }

        double seconds = (completed.Completed.At - completed.Started.At).TotalSeconds;
        try
        {
            var summary = _database.Ingest(ToGridRun(plan), dir, seconds);
            RunHistory.Append(dir, RunEvent.Adopted);
            return new GridRunOutcome(plan, true, null, seconds, summary.Diverged);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // Its files are not a complete run after all: it is redone.
            return null;
        }
    }

    /// <summary>The build recorded in the run directory's summary; null when it records none or cannot be read.</summary>
    private static string? BuildOf(string dir)
    {
        try
        {
            return RunFiles.Read(dir).Summary.Build;
        }
        catch (RunFilesException)
        {
            return null;
        }
    }

    private GridRunOutcome InUse(GridRunPlan plan, string dir)
    {
        string holder = RunHistory.Holder(dir);
        return new GridRunOutcome(
            plan,
            false,
            $"its directory {dir} is still in use by {holder} (it holds {RunDirectoryLock.FileName}) after {LockWait.TotalSeconds:F0} s; it was left alone. Run the same command again once that process has ended.",
            0);
    }

    private static GridRun ToGridRun(GridRunPlan plan) => new(plan.RunKey, plan.Label, plan.Axes, plan.Seed, ConfigYamlWriter.Write(plan.Config));

    private GridRunOutcome Finish(ActiveRun a)
    {
        double seconds = a.Clock.Elapsed.TotalSeconds;
        if (a.Process.ExitCode != 0)
        {
            return new GridRunOutcome(a.Plan, false, $"exit code {a.Process.ExitCode}: {a.Process.FailureText()}", seconds);
        }

        try
        {
            var summary = _database.Ingest(ToGridRun(a.Plan), a.Directory, seconds);
            return new GridRunOutcome(a.Plan, true, null, seconds, summary.Diverged);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return new GridRunOutcome(a.Plan, false, $"its results could not be stored: {e.Message}", seconds);
        }
    }

    private static int CountRounds(string directory)
    {
        string path = Path.Combine(directory, RunFiles.RoundsFile);
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
