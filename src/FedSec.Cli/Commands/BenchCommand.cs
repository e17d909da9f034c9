using FedSec.Fetch;
using FedSec.Setup;
using System.Globalization;
using FedSec.Cli.Bench;
using FedSec.Cli.Console;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Results.Grid;
using FedSec.Results.Database;
using FedSec.Torch.Simulation;
using Spectre.Console;

namespace FedSec.Cli.Commands;

/// <summary>
/// <c>fedsec bench grid.yaml</c>: expands a grid, checks every run's configuration before anything runs, and runs
/// the unfinished ones a few at a time, storing each finished run in the output directory's results database.
/// </summary>
internal static class BenchCommand
{
    public static int Execute(string[] args)
    {
        var parsed = ParsedArgs.Parse(args, "help", "dry-run");
        if (parsed.Switch("help"))
        {
            AnsiConsole.WriteLine(HelpText.Bench);
            return 0;
        }

        if (parsed.Positional.Count != 1)
        {
            throw new UsageException($"'fedsec bench' takes one grid file, not {parsed.Positional.Count}; see 'fedsec bench --help'.");
        }

        string gridPath = parsed.Positional[0];
        string output = parsed.Option("output") ?? Path.Combine("results", Path.GetFileNameWithoutExtension(gridPath));
        int parallel = parsed.IntOption("parallel") ?? Environment.ProcessorCount;
        int threads = parsed.IntOption("threads") ?? 1;
        string? dataDir = parsed.Option("data-dir");
        bool dryRun = parsed.Switch("dry-run");
        var sets = parsed.Options("set");
        parsed.RejectUnknown("bench");
        if (parallel < 1 || threads < 1)
        {
            throw new UsageException($"--parallel and --threads expect at least 1, not {Math.Min(parallel, threads)}.");
        }

        var factory = ExperimentFactory.CreateDefault();
        var grid = ConfigReader.ParseFile(gridPath);
        var homes = factory.KeyHomes();
        foreach (var assignment in sets)
        {
            ConfigReader.ApplyOverride(grid, assignment, homes);
        }

        var plans = GridExpander.Expand(grid, ConfigVocabulary.ListValuedKeys(factory.Components), RunKey.Binding(factory.Bind));
        var configs = Validate(plans, factory);
        Directory.CreateDirectory(output);
        using var outputLock = dryRun ? null : OutputLock.Acquire(output);
        using var database = ResultsDatabase.Open(Path.Combine(output, ResultsDatabase.FileName));
        if (!dryRun && RunKeyMigration.Apply(database, factory.Bind) is { } migration)
        {
            AnsiConsole.MarkupLine($"Moved the stored runs to run-key scheme {RunKey.Scheme} (from {migration.FromScheme}): {migration.Moved} runs got new keys, {migration.Duplicates} turned out to be the same run as another and now stand as another cell of it{(migration.Unbound.Count > 0 ? $", {migration.Unbound.Count} whose stored configuration no longer binds kept their keys ({string.Join(", ", migration.Unbound)})" : string.Empty)}.");
        }

        var finished = dryRun ? RunKeyMigration.FinishedKeys(database, factory.Bind) : database.FinishedRunKeys();
        var pending = plans.Where(p => !finished.Contains(p.RunKey)).ToArray();
        if (!dryRun)
        {
            StoreOtherCells(database, plans);
        }

        int pendingRounds = pending.Sum(p => configs[p.RunKey].CommRound);
        int shared = plans.Sum(p => p.OtherCells.Count);
        if (shared > 0)
        {
            AnsiConsole.MarkupLine($"{shared} cells of the grid resolve to the same settings as another cell (e.g. no attack at two attacker counts, for a defense that does not read the count); each such run runs once and is reported in every cell it stands in.");
        }

        AnsiConsole.MarkupLine($"Grid {Markup.Escape(gridPath)}: {plans.Count} runs ({plans.Count - pending.Length} already finished, {pending.Length} to run, {pendingRounds} rounds); results in {Markup.Escape(Path.GetFullPath(output))}.");
        if (dryRun)
        {
            ShowPlan(plans, finished, configs);
            return 0;
        }

        if (pending.Length == 0)
        {
            AnsiConsole.MarkupLine($"Nothing to run. 'fedsec report {Markup.Escape(output)}' writes the report.");
            return 0;
        }

        PrefetchData(pending.Select(p => configs[p.RunKey]), dataDir);
        AnsiConsole.MarkupLine($"{Math.Min(parallel, pending.Length)} runs at a time, {threads} tensor thread(s) each. Ctrl-C stops; the same command resumes.");
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        System.Console.CancelKeyPress += onCancel;
        using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            cancel.Cancel();
        });
        try
        {
            var runner = new GridRunner(database, new ChildProcessLauncher(threads, dataDir), output, parallel);
            var roundsOf = pending.ToDictionary(p => p.RunKey, p => configs[p.RunKey].CommRound, StringComparer.Ordinal);
            var (outcomes, failures) = RunWithProgress(runner, pending, roundsOf, cancel.Token);
            StoreOtherCells(database, plans);
            int ok = outcomes.Count(o => o.Succeeded);
            int diverged = outcomes.Count(o => o.Succeeded && o.Diverged is not null);
            foreach (var f in failures)
            {
                AnsiConsole.MarkupLine($"[red]failed:[/] {Markup.Escape(f.Plan.Label)} ({f.Plan.RunKey}): {Markup.Escape(f.Error ?? string.Empty)}");
            }

            int done = plans.Count - pending.Length + ok;
            if (cancel.IsCancellationRequested)
            {
                AnsiConsole.MarkupLine($"[yellow]Interrupted.[/] {done} of {plans.Count} runs are finished and kept; run the same command to resume.");
                return 130;
            }

            if (diverged > 0)
            {
                AnsiConsole.MarkupLine($"[yellow]{diverged} of the runs finished now diverged[/] (their model became non-finite; stored with status 'diverged' and the accuracy of their last round, marked † in the report).");
            }

            AnsiConsole.MarkupLine($"{ok} runs finished now, {done} of {plans.Count} in all{(failures.Count > 0 ? $", [red]{failures.Count} failed[/] (run the same command to retry them)" : string.Empty)}. 'fedsec report {Markup.Escape(output)}' writes the report.");
            return failures.Count > 0 ? 1 : 0;
        }
        finally
        {
            System.Console.CancelKeyPress -= onCancel;
        }
    }

    // A run standing in several cells of the grid is stored once and recorded in each other cell, once it is finished.
    private static void StoreOtherCells(ResultsDatabase database, IReadOnlyList<GridRunPlan> plans)
    {
        var finished = database.FinishedRunKeys();
        foreach (var plan in plans.Where(p => p.OtherCells.Count > 0 && finished.Contains(p.RunKey)))
        {
            foreach (var cell in plan.OtherCells)
            {
                database.AddCell(plan.RunKey, cell.Label, cell.Axes);
            }
        }
    }

    private static Dictionary<string, ExperimentConfig> Validate(IReadOnlyList<GridRunPlan> plans, ExperimentFactory factory)
    {
        var problems = new List<ConfigProblem>();
        // A warning every run shares is the grid's own (a misspelt FedML key, say); one about a key that only some
        // variants read ("ignored: not enabled") is the normal state of a grid and is not repeated.
        SortedSet<string>? warnings = null;
        var configs = new Dictionary<string, ExperimentConfig>(StringComparer.Ordinal);
        foreach (var plan in plans)
        {
            try
            {
                var setup = factory.Bind(plan.Config);
                configs[plan.RunKey] = setup.Config;
                if (warnings is null)
                {
                    warnings = new SortedSet<string>(setup.Warnings, StringComparer.Ordinal);
                }
                else
                {
                    warnings.IntersectWith(setup.Warnings);
                }
            }
            catch (ConfigException e)
            {
                problems.AddRange(e.Problems.Select(p => p with { Key = $"run '{plan.Label}': {p.Key}" }));
            }
        }

        foreach (var w in warnings ?? [])
        {
            AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
        }

        return problems.Count > 0 ? throw new ConfigException(problems) : configs;
    }

    private static void ShowPlan(IReadOnlyList<GridRunPlan> plans, IReadOnlySet<string> finished, IReadOnlyDictionary<string, ExperimentConfig> configs)
    {
        var table = new Table().AddColumns("#", "run key", "run", "rounds", "status");
        for (int i = 0; i < plans.Count; i++)
        {
            var p = plans[i];
            table.AddRow(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                p.RunKey,
                Markup.Escape(p.Label),
                configs[p.RunKey].CommRound.ToString(CultureInfo.InvariantCulture),
                finished.Contains(p.RunKey) ? "[green]finished[/]" : "pending");
        }

        AnsiConsole.Write(table);
    }

    private static void PrefetchData(IEnumerable<ExperimentConfig> pending, string? dataDirOverride)
    {
        // Fetched once here, so that parallel runs do not each download it.
        foreach (var config in pending.DistinctBy(c => (DatasetCatalog.CanonicalName(c.Dataset), c.DataCacheDir)))
        {
            string dir = DataDirectory.Resolve(dataDirOverride ?? (string.IsNullOrWhiteSpace(config.DataCacheDir) ? null : config.DataCacheDir));
            if (!DatasetCatalog.IsPresent(config.Dataset, dir) && DatasetCatalog.FetchesImplicitly(config.Dataset))
            {
                FetchProgressView.Run(progress => new DatasetFetcher().FetchAsync(config.Dataset, dir, progress).GetAwaiter().GetResult());
            }
        }
    }

    private static (IReadOnlyList<GridRunOutcome> Outcomes, List<GridRunOutcome> Failures) RunWithProgress(
        GridRunner runner, IReadOnlyList<GridRunPlan> pending, IReadOnlyDictionary<string, int> roundsOf, CancellationToken token)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var view = new GridProgressView(null, roundsOf, pending.Count);
            return (runner.Run(pending, view, token), view.Failures);
        }

        IReadOnlyList<GridRunOutcome> outcomes = Array.Empty<GridRunOutcome>();
        GridProgressView? live = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                live = new GridProgressView(ctx, roundsOf, pending.Count);
                outcomes = runner.Run(pending, live, token);
            });
        return (outcomes, live?.Failures ?? new List<GridRunOutcome>());
    }
}
