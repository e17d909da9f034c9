using FedSec.Cli.Console;
using FedSec.Results.Database;
using FedSec.Results.Grid;
using FedSec.Torch.Simulation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Bench;

/// <summary>
/// <c>fedsec bench GRID</c>: expands a grid, checks every run's configuration before anything runs, and runs the
/// unfinished ones a few at a time, storing each finished run in the output directory's results database.
/// </summary>
internal sealed class BenchCommand(IAnsiConsole console) : Command<BenchSettings>
{
    /// <summary>The command's help.</summary>
    public const string Description =
        "Runs every combination of a grid (a config in which any value may be a list of alternatives; a key whose value is a list "
        + "varies only as a list of lists), as child runs a few at a time, into OUTPUT/results.db. Every run's config (every run --only keeps) is checked first. "
        + "Resumable: after Ctrl-C, a crash or even SIGKILL, run the same command again; finished runs are skipped, half-written ones "
        + "redone, and diverged runs are kept as results.";

    /// <inheritdoc/>
    public override int Execute(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        var factory = Components.CreateFactory();
        var filter = Filter(settings.Only);
        var grid = BenchPlan.Create(settings.GridFile, settings.Set, settings.Plugins, factory, filter);
        BenchPlan plan;
        try
        {
            plan = grid.Only(filter).Shard(settings.Shard);
        }
        catch (AxisFilterException e)
        {
            throw new UsageException(e.Message);
        }

        Warnings.Show(console, plan.Warnings);
        string output = settings.OutputDirectory;
        string databasePath = Path.Combine(output, ResultsDatabase.FileName);

        // A dry run changes nothing: no directory made, and the database read through a copy in memory (opening the
        // file itself would create it, or switch a committed one to WAL mode and add a newer schema's columns).
        if (!settings.DryRun)
        {
            Directory.CreateDirectory(output);
        }

        using var outputLock = settings.DryRun ? null : OutputLock.Acquire(output);
        using var database = settings.DryRun ? ResultsDatabase.OpenCopy(databasePath) : ResultsDatabase.Open(databasePath);
        var finished = BenchUpkeep.Apply(console, database, settings, factory, grid);
        if (settings.Rerun)
        {
            finished = BenchRerun.Forget(console, database, output, plan.Runs, finished, settings.DryRun);
        }

        if (!settings.DryRun)
        {
            StoredCells.Record(database, plan.Runs);
            database.RecordAxisOrder(grid.Runs.Select(r => r.Axes)); // the whole grid's order, whatever --only runs
        }

        if (plan.Runs.Sum(r => r.OtherCells.Count) is > 0 and int shared)
        {
            console.MarkupLine($"{shared} cells of the grid resolve to the same settings as another cell (e.g. no attack at two attacker counts, for a defense that does not read the count); each such run runs once and is reported in every cell it stands in.");
        }

        var pending = plan.Pending(finished);
        var roundsOf = plan.RoundsOf(pending);
        console.MarkupLine($"Grid {Markup.Escape(settings.GridFile)}: {plan.Runs.Count} runs ({plan.Runs.Count - pending.Count} already finished, {pending.Count} to run, {roundsOf.Values.Sum()} rounds); results in {Markup.Escape(Path.GetFullPath(output))}.{(filter.IsEmpty ? string.Empty : Markup.Escape($" Only the runs with {filter}."))}{(settings.Shard is { } shard ? $" Share {shard} of the grid's runs." : string.Empty)}");
        if (settings.DryRun)
        {
            PlanTable.Show(console, plan, finished);
            return ExitCodes.Ok;
        }

        // Pruning and merging are upkeep: they run nothing, so that they cannot start a long grid by surprise.
        if (settings.Merge.Length > 0 || settings.Prune)
        {
            console.MarkupLine($"Run the same command without {(settings.Merge.Length > 0 ? "--merge" : "--prune")} to go on with the grid, or 'fedsec report {Markup.Escape(output)}'.");
            return ExitCodes.Ok;
        }

        if (pending.Count == 0)
        {
            console.MarkupLine($"Nothing to run. 'fedsec report {Markup.Escape(output)}' writes the report.");
            return ExitCodes.Ok;
        }

        var pendingConfigs = pending.Select(p => plan.Configs[p.RunKey]).ToArray();
        BenchData.Ensure(console, pendingConfigs, settings.DataDir);
        int parallel = settings.Parallel(Environment.ProcessorCount);
        console.MarkupLine($"{Math.Min(parallel, pending.Count)} runs at a time, {settings.Threads} tensor thread(s) each. Ctrl-C stops; {(settings.Rerun ? "the same command without --rerun" : "the same command")} resumes.");
        using var interruption = new Interruption(cancellationToken);
        var runner = new GridRunner(database, new ChildProcessLauncher(settings.Threads, settings.DataDir), output, parallel);
        var (outcomes, view) = GridProgress.Run(console, runner, pending, roundsOf, interruption.Token);
        StoredCells.Record(database, plan.Runs);
        var conclusion = new BenchConclusion(plan.Runs.Count, plan.Runs.Count - pending.Count, outcomes, view.Adopted, interruption.Requested) { Rerun = settings.Rerun };
        conclusion.Show(console, output);
        return conclusion.ExitCode;
    }

    private static AxisFilter Filter(IEnumerable<string> only)
    {
        try
        {
            return AxisFilter.Parse(only);
        }
        catch (AxisFilterException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
