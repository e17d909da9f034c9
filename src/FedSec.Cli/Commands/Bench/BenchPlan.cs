using FedSec.Configuration;
using FedSec.Results.Grid;
using FedSec.Setup;
using FedSec.Torch.Simulation;

namespace FedSec.Cli.Commands.Bench;

/// <summary>
/// A grid's runs, each checked: the grid file with its <c>--set</c> overrides, expanded into runs, every run's
/// configuration (every run <c>--only</c> keeps) bound before anything runs.
/// </summary>
/// <param name="Runs">The runs, in the order they run (seeds outermost).</param>
/// <param name="Configs">Each checked run's validated configuration, by run key.</param>
/// <param name="Warnings">The warnings every run shares (the grid's own, such as a FedML key FedSec ignores).</param>
internal sealed record BenchPlan(IReadOnlyList<GridRunPlan> Runs, IReadOnlyDictionary<string, ExperimentConfig> Configs, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Reads, overrides, expands and checks the grid in <paramref name="gridFile"/>, after loading the plugins it names
    /// and <paramref name="plugins"/> (<c>--plugin</c>; the child runs get them through the grid's <c>plugins:</c> list).
    /// </summary>
    /// <param name="gridFile">The grid.</param>
    /// <param name="sets">The <c>--set</c> overrides, applied to the grid before it is expanded.</param>
    /// <param name="plugins">The <c>--plugin</c> assemblies.</param>
    /// <param name="factory">Binds each run.</param>
    /// <param name="only">
    /// The runs to check (<c>--only</c>); the others are listed but not bound, so that a <c>--set</c> meant for the kept
    /// runs (<c>attack_args.trigger_only</c> for the backdoor runs) does not fail on runs it would not fit. Null: all.
    /// </param>
    /// <exception cref="ConfigException">The grid or some checked run's configuration is wrong; each problem is prefixed by its run's label.</exception>
    public static BenchPlan Create(string gridFile, IReadOnlyList<string> sets, IReadOnlyList<string> plugins, ExperimentFactory factory, AxisFilter? only = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(factory);
        var grid = ConfigReader.ParseFile(gridFile);
        Plugins.Load(factory.Components, plugins, grid);
        var homes = factory.KeyHomes();
        foreach (string assignment in sets)
        {
            ConfigReader.ApplyOverride(grid, assignment, homes);
        }

        var runs = GridExpander.Expand(
            grid, ConfigVocabulary.ListValuedKeys(factory.Components), RunKey.Binding(factory.Bind), factory.Components.Extensions.Select(e => e.Section));
        var problems = new List<ConfigProblem>();

        // A warning every run shares is the grid's own (a misspelt FedML key, say); one about a key that only some
        // variants read ("ignored: not enabled") is the normal state of a grid and is not repeated.
        SortedSet<string>? warnings = null;
        var configs = new Dictionary<string, ExperimentConfig>(StringComparer.Ordinal);
        foreach (var run in runs.Where(r => only is null || only.IsEmpty || only.Matches(r.Axes)))
        {
            try
            {
                var setup = factory.Bind(run.Config);
                configs[run.RunKey] = setup.Config;
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
                problems.AddRange(e.Problems.Select(p => p with { Key = $"run '{run.Label}': {p.Key}" }));
            }
        }

        return problems.Count > 0
            ? throw new ConfigException(problems)
            : new BenchPlan(runs, configs, warnings?.ToArray() ?? []);
    }

    /// <summary>The plan restricted to the runs <paramref name="filter"/> keeps (<c>--only</c>), in order.</summary>
    /// <exception cref="AxisFilterException">The filter names an axis or a value no run of the grid has.</exception>
    public BenchPlan Only(AxisFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.IsEmpty)
        {
            return this;
        }

        filter.Check(Runs.Select(r => r.Axes));
        return this with { Runs = Runs.Where(r => filter.Matches(r.Axes)).ToArray() };
    }

    /// <summary>The plan restricted to the runs of <paramref name="shard"/> (<c>--shard</c>), in order; the whole plan for null.</summary>
    public BenchPlan Shard(GridShard? shard) => shard is null ? this : this with { Runs = Runs.Where(r => shard.Contains(r.RunKey)).ToArray() };

    /// <summary>The runs whose key is not in <paramref name="finished"/>, in order.</summary>
    public IReadOnlyList<GridRunPlan> Pending(IReadOnlySet<string> finished)
    {
        ArgumentNullException.ThrowIfNull(finished);
        return Runs.Where(r => !finished.Contains(r.RunKey)).ToArray();
    }

    /// <summary>The number of rounds of each of <paramref name="runs"/>, by run key.</summary>
    public IReadOnlyDictionary<string, int> RoundsOf(IEnumerable<GridRunPlan> runs) =>
        runs.ToDictionary(r => r.RunKey, r => Configs[r.RunKey].CommRound, StringComparer.Ordinal);
}
