using System.ComponentModel;
using FedSec.Results.Grid;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Bench;

/// <summary>The command line of <c>fedsec bench</c>.</summary>
internal sealed class BenchSettings : CommandSettings
{
    /// <summary>The grid file.</summary>
    [CommandArgument(0, "<GRID>")]
    [Description("A grid: a FedML-style configuration in which any value may be a list of alternatives")]
    public string GridFile { get; init; } = string.Empty;

    /// <summary><c>--plugin FILE</c> (repeatable): assemblies of attacks and defenses of your own.</summary>
    [CommandOption("--plugin <FILE>")]
    [Description("A plugin assembly whose attacks and defenses the configuration may name (repeatable; see docs/extending.md)")]
    public string[] Plugins { get; init; } = [];

    /// <summary><c>--output</c>; see <see cref="OutputDirectory"/>.</summary>
    [CommandOption("--output <DIR>")]
    [Description("Output directory (default: results/<grid file name>)")]
    public string? Output { get; init; }

    /// <summary><c>--parallel</c> as typed; see <see cref="Parallel"/>.</summary>
    [CommandOption("--parallel <N>")]
    [Description("Runs at a time (default: the number of cores)")]
    public string? ParallelText { get; init; }

    /// <summary><c>--threads</c> as typed; see <see cref="Threads"/>.</summary>
    [CommandOption("--threads <N>")]
    [Description("Tensor threads per run (default 1; the numbers depend on it)")]
    public string? ThreadsText { get; init; }

    /// <summary><c>--set</c>: overrides of the grid, before expansion.</summary>
    [CommandOption("--set <KEY=VALUE>")]
    [Description("Override a key of the grid before expansion (repeatable; a list value makes an axis)")]
    public string[] Set { get; init; } = [];

    /// <summary><c>--only AXIS=V1,V2</c> (repeatable): run only the runs whose grid axis holds one of the values.</summary>
    [CommandOption("--only <AXIS=VALUES>")]
    [Description("Run only the grid's runs whose axis holds one of the values, e.g. --only seed=0 or --only defense=krum,none (repeatable: every one must hold; the database keeps the others)")]
    public string[] Only { get; init; } = [];

    /// <summary><c>--data-dir</c>: the data directory of every run.</summary>
    [CommandOption("--data-dir <DIR>")]
    [Description("Data directory for every run")]
    public string? DataDir { get; init; }

    /// <summary><c>--dry-run</c>: list the runs and exit.</summary>
    [CommandOption("--dry-run")]
    [Description("List the runs (and which are finished) and exit")]
    public bool DryRun { get; init; }

    /// <summary><c>--prune</c>: delete the stored runs that are not runs of this grid, and run nothing.</summary>
    [CommandOption("--prune")]
    [Description("Delete the stored runs that are not runs of this grid (an entry or tune value changed or removed since they ran; another grid's runs in the same directory too), their rows and run directories, and run nothing. With --dry-run, list them")]
    public bool Prune { get; init; }

    /// <summary><c>--rerun</c>: forget the selected runs' results and run them again.</summary>
    [CommandOption("--rerun")]
    [Description("Forget the stored results of the runs this command selects (--only, --shard), rows and run directories (a directory a run of an earlier bench still holds is left alone, and named), and run them again, e.g. after a fix to an attack or a defense (a run's key is its settings, not the code). An interrupted rerun resumes without --rerun (with it, the runs it finished would be forgotten again). With --dry-run, list them as to run")]
    public bool Rerun { get; init; }

    /// <summary><c>--shard K/N</c> as typed; see <see cref="Shard"/>.</summary>
    [CommandOption("--shard <K/N>")]
    [Description("Run only this machine's share of the grid: share K of N (e.g. --shard 2/3 on the second of three machines), by run key, whatever --only keeps; --merge brings the shares' output directories together")]
    public string? ShardText { get; init; }

    /// <summary><c>--merge DIR</c> (repeatable): other benches' output directories to bring in.</summary>
    [CommandOption("--merge <DIR>")]
    [Description("Bring in the finished runs of another bench's output directory (another machine's --shard), rows and run directories, and run nothing (repeatable)")]
    public string[] Merge { get; init; } = [];

    /// <summary>The share of <c>--shard</c>, or null for the whole grid.</summary>
    public GridShard? Shard => ShardText is null ? null : GridShard.Parse(ShardText, out _);

    /// <summary>Where the runs and the results database go: <c>--output</c>, else <c>results/GRID_NAME</c>.</summary>
    public string OutputDirectory => Output ?? Path.Combine("results", Path.GetFileNameWithoutExtension(GridFile));

    /// <summary>Runs at a time: <c>--parallel</c>, else <paramref name="processorCount"/>.</summary>
    public int Parallel(int processorCount) => OptionChecks.Parse<int>(ParallelText) ?? processorCount;

    /// <summary>Tensor threads per run (<c>--threads</c>, default 1).</summary>
    public int Threads => OptionChecks.Parse<int>(ThreadsText) ?? 1;

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        string? shard = null;
        if (ShardText is not null)
        {
            GridShard.Parse(ShardText, out shard);
        }

        return OptionChecks.Result(
            OptionChecks.WholeNumber<int>("--parallel", ParallelText, 1),
            OptionChecks.WholeNumber<int>("--threads", ThreadsText, 1),
            shard,
            Merge.Length > 0 && DryRun ? "--merge writes into the output directory, and --dry-run changes nothing: give one of them." : null,
            Rerun && (Merge.Length > 0 || Prune) ? $"--rerun runs the selected runs again, and {(Prune ? "--prune" : "--merge")} runs nothing: give one of them." : null);
    }
}
