using FedSec.Results.Database;
using FedSec.Results.Grid;
using Spectre.Console;

namespace FedSec.Cli.Commands.Bench;

/// <summary>
/// <c>fedsec bench --rerun</c>: forgets the results of the runs the command selects (<c>--only</c>, <c>--shard</c>), so
/// that they run again: their rows, and what their run directories hold, including a run directory left without a row,
/// which a bench would otherwise store as a finished run. A run's key is its settings, not the code that ran it, so
/// after a fix to an attack or a defense this is how its runs are made again.
/// </summary>
/// <remarks>
/// A run directory is wiped as a bench wipes one before it runs it: under its <see cref="RunDirectoryLock"/>, keeping the
/// lock file and the history (which records the wipe). A directory whose lock another process holds (the run of an
/// earlier bench, still ending) is waited for, then left alone with its row: deleting it under that process would let
/// the run start afresh in a directory the old one still writes to.
/// </remarks>
internal static class BenchRerun
{
    /// <summary>Forgets the selected runs (with <paramref name="dryRun"/>, only says so) and returns the finished keys left.</summary>
    public static IReadOnlySet<string> Forget(IAnsiConsole console, ResultsDatabase database, string output, IReadOnlyList<GridRunPlan> selected, IReadOnlySet<string> finished, bool dryRun, TimeSpan? lockWait = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(finished);
        var again = selected.Select(r => r.RunKey).Where(finished.Contains).ToHashSet(StringComparer.Ordinal);
        var leftAlone = new List<string>();
        if (!dryRun)
        {
            foreach (var run in selected)
            {
                if (!ForgetOne(console, database, GridRunner.RunDirectory(output, run.RunKey), run, again.Contains(run.RunKey), lockWait ?? GridRunner.DefaultLockWait))
                {
                    leftAlone.Add(run.RunKey);
                    again.Remove(run.RunKey);
                }
            }
        }

        console.MarkupLine(Markup.Escape($"--rerun: {again.Count} finished run(s) of the {selected.Count} selected {(dryRun ? "would be" : "were")} forgotten, rows and run directories, and run again."));
        if (leftAlone.Count > 0)
        {
            console.MarkupLine(Markup.Escape($"--rerun: {leftAlone.Count} run(s) were left alone, rows and directories, because a process of an earlier bench still holds their directory ({string.Join(", ", leftAlone.Take(3))}{(leftAlone.Count > 3 ? ", ..." : string.Empty)}); run the same command again once it has ended."));
        }

        return finished.Except(again).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Forgets one run; false when its directory is held by another process, and nothing of it was touched.</summary>
    private static bool ForgetOne(IAnsiConsole console, ResultsDatabase database, string directory, GridRunPlan run, bool stored, TimeSpan lockWait)
    {
        if (!Directory.Exists(directory))
        {
            if (stored)
            {
                database.DeleteRows([run.RunKey]);
            }

            return true;
        }

        using var held = RunDirectoryLock.Acquire(directory, lockWait, CancellationToken.None, () =>
            console.MarkupLine(Markup.Escape($"--rerun: {run.Label}: waiting up to {lockWait.TotalSeconds:F0} s for {RunHistory.Holder(directory)} to release its run directory (a run of an earlier bench, ending now).")));
        if (held is null)
        {
            return false;
        }

        if (stored)
        {
            database.DeleteRows([run.RunKey]);
        }

        held.WipeForAnotherRun();
        return true;
    }
}
