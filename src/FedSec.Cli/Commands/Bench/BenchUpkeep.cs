using FedSec.Cli.Console;
using FedSec.Output;
using FedSec.Results.Database;
using FedSec.Results.Grid;
using FedSec.Torch.Simulation;
using Spectre.Console;

namespace FedSec.Cli.Commands.Bench;

/// <summary>
/// What <c>fedsec bench</c> does to its output directory's database before it plans: re-keys runs of an older key
/// scheme, brings in other shares (<c>--merge</c>), warns about a mix of tensor thread counts or machines, and names (or, with
/// <c>--prune</c>, deletes) the stored runs that are not runs of the grid. A dry run changes nothing.
/// </summary>
internal static class BenchUpkeep
{
    /// <summary>Does the upkeep and returns the keys of the finished stored runs (pruned strays among them: no run of the grid has their keys).</summary>
    public static IReadOnlySet<string> Apply(IAnsiConsole console, ResultsDatabase database, BenchSettings settings, ExperimentFactory factory, BenchPlan grid)
    {
        if (!settings.DryRun && RunKeyMigration.Apply(database, factory.Bind) is { } migration)
        {
            console.MarkupLine(Markup.Escape(StoredCells.Describe(migration)));
        }

        foreach (string share in settings.Merge)
        {
            ShareMerge.Into(console, database, share, factory);
        }

        if (ThreadMix.Warning(database.TensorThreadCounts(), settings.Threads) is { } mixed)
        {
            Warnings.Show(console, [mixed]);
        }

        if (MachineMix.Warning(database.MachineCounts(), FedSecMachine.Current) is { } elsewhere)
        {
            Warnings.Show(console, [elsewhere]);
        }

        // A dry run changes nothing: against a database of an older key scheme it computes the keys the runs will have.
        var finished = settings.DryRun ? RunKeyMigration.FinishedKeys(database, factory.Bind) : database.FinishedRunKeys();
        Strays(console, database, settings, StrayRuns.Of(finished, grid.Runs), grid.Runs);
        return finished;
    }

    private static void Strays(IAnsiConsole console, ResultsDatabase database, BenchSettings settings, IReadOnlyList<string> strays, IReadOnlyList<GridRunPlan> grid)
    {
        bool delete = settings.Prune && !settings.DryRun;
        if (strays.Count == 0)
        {
            if (delete)
            {
                console.MarkupLine("Every stored run is a run of this grid; nothing to prune.");
            }

            return;
        }

        var labels = database.StoredLabels();
        if (delete)
        {
            database.Delete(strays);
        }

        console.MarkupLine(Markup.Escape(StrayRuns.Describe(strays, labels, grid, settings.Prune, settings.DryRun)));
    }
}
