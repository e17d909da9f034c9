using FedSec.Results.Database;
using FedSec.Results.Grid;
using Spectre.Console;

namespace FedSec.Cli.Commands.Bench;

/// <summary>
/// <c>fedsec bench --rerun</c>: forgets the results of the runs the command selects (<c>--only</c>, <c>--shard</c>), so
/// that they run again: their rows and run directories, and any run directory left without a row, which a bench
/// would otherwise store as a finished run of an earlier bench. A run's key is its settings, not the code that ran it,
/// so after a fix to an attack or a defense this is how its runs are made again.
/// </summary>
internal static class BenchRerun
{
    /// <summary>Forgets the selected runs (with <paramref name="dryRun"/>, only says so) and returns the finished keys left.</summary>
    public static IReadOnlySet<string> Forget(IAnsiConsole console, ResultsDatabase database, string output, IReadOnlyList<GridRunPlan> selected, IReadOnlySet<string> finished, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(finished);
        var again = selected.Select(r => r.RunKey).Where(finished.Contains).ToArray();
        if (!dryRun)
        {
            database.Delete(again);
            foreach (var run in selected)
            {
                string directory = GridRunner.RunDirectory(output, run.RunKey);
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
        }

        console.MarkupLine(Markup.Escape($"--rerun: {again.Length} finished run(s) of the {selected.Count} selected {(dryRun ? "would be" : "were")} forgotten, rows and run directories, and run again."));
        return finished.Except(again).ToHashSet(StringComparer.Ordinal);
    }
}
