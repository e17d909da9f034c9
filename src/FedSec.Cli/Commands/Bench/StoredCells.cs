using FedSec.Results.Database;
using FedSec.Results.Grid;

namespace FedSec.Cli.Commands.Bench;

/// <summary>What the bench records about stored runs besides running them: the other cells a run stands in, and what a re-keying did.</summary>
internal static class StoredCells
{
    /// <summary>Records, for every finished run, the other cells of the grid it stands in (see <see cref="GridRunPlan.OtherCells"/>).</summary>
    public static void Record(ResultsDatabase database, IReadOnlyList<GridRunPlan> runs)
    {
        var finished = database.FinishedRunKeys();
        foreach (var run in runs.Where(r => r.OtherCells.Count > 0 && finished.Contains(r.RunKey)))
        {
            foreach (var cell in run.OtherCells)
            {
                database.AddCell(run.RunKey, cell.Label, cell.Axes);
            }
        }
    }

    /// <summary>One line on a re-keying of the stored runs.</summary>
    public static string Describe(RunKeyMigration.Outcome migration) =>
        $"Moved the stored runs to run-key scheme {RunKey.Scheme} (from {migration.FromScheme}): {migration.Moved} runs got new keys, "
        + $"{migration.Duplicates} turned out to be the same run as another and now stand as another cell of it"
        + (migration.Unbound.Count > 0 ? $", {migration.Unbound.Count} whose stored configuration no longer binds kept their keys ({string.Join(", ", migration.Unbound)})" : string.Empty)
        + ".";
}
