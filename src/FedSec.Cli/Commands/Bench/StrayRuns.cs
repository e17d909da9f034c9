using FedSec.Results.Grid;

namespace FedSec.Cli.Commands.Bench;

/// <summary>
/// Stored runs that are not runs of the grid in hand: made by an entry or a tune value since changed or removed, or
/// another grid's runs in the same output directory. <c>fedsec report</c> shows every stored run, so the bench says
/// they are there, and deletes them with <c>--prune</c>.
/// </summary>
internal static class StrayRuns
{
    private const int Named = 3;

    /// <summary>The keys of <paramref name="stored"/> that no run of <paramref name="grid"/> (the whole grid, whatever <c>--only</c> keeps) has, in order.</summary>
    public static IReadOnlyList<string> Of(IReadOnlySet<string> stored, IReadOnlyList<GridRunPlan> grid)
    {
        var keys = grid.Select(r => r.RunKey).ToHashSet(StringComparer.Ordinal);
        return stored.Where(k => !keys.Contains(k)).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// What the stray runs are and what was (or would be) done with them; kept, a second sentence counts those that
    /// stand in a cell of <paramref name="grid"/> (same axes and seed), which the report would average with its run.
    /// </summary>
    public static string Describe(IReadOnlyList<string> strays, IReadOnlyDictionary<string, string> labels, IReadOnlyList<GridRunPlan> grid, bool prune, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(grid);
        string runs = strays.Count == 1 ? "1 stored run" : $"{strays.Count} stored runs";
        var names = strays.Select(k => labels.TryGetValue(k, out var label) ? label : k).Order(StringComparer.Ordinal).ToArray();
        string list = string.Join("; ", names.Take(Named)) + (names.Length > Named ? $"; and {names.Length - Named} more" : string.Empty);
        string notRuns = strays.Count == 1 ? "is not a run" : "are not runs";
        return (prune, dryRun) switch
        {
            (true, false) => $"Deleted {runs} that {notRuns} of this grid, with {(strays.Count == 1 ? "its run directory" : "their run directories")}: {list}.",
            (true, true) => $"--prune would delete {runs} that {notRuns} of this grid: {list}.",
            _ => $"{runs} {notRuns} of this grid (made by an entry or tune value since changed or removed, or another grid's): {list}. 'fedsec report' shows {(strays.Count == 1 ? "it" : "them")} too; --prune deletes {(strays.Count == 1 ? "it" : "them")}." + SharingCells(strays, labels, grid),
        };
    }

    private static string SharingCells(IReadOnlyList<string> strays, IReadOnlyDictionary<string, string> labels, IReadOnlyList<GridRunPlan> grid)
    {
        var cells = grid.Select(r => r.Label).ToHashSet(StringComparer.Ordinal);
        int sharing = strays.Count(k => labels.TryGetValue(k, out var label) && cells.Contains(label));
        return sharing == 0
            ? string.Empty
            : $" {(sharing == 1 ? "1 of them has" : $"{sharing} of them have")} the axes and seed of a run of this grid, with another configuration: the report would average {(sharing == 1 ? "it" : "them")} with the grid's run as if they were seeds; give this grid its own --output, or --prune.";
    }
}
