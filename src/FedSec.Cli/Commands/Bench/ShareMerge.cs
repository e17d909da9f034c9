using FedSec.Results.Database;
using FedSec.Results.Grid;
using FedSec.Torch.Simulation;
using Spectre.Console;

namespace FedSec.Cli.Commands.Bench;

/// <summary><c>fedsec bench --merge DIR</c>: brings another bench's finished runs (another machine's <c>--shard</c>) into this output directory.</summary>
internal static class ShareMerge
{
    /// <summary>
    /// Moves the runs of <paramref name="share"/> to the current key scheme (as its own bench would), then brings in
    /// those <paramref name="database"/> lacks; holds <paramref name="share"/>'s bench lock meanwhile.
    /// </summary>
    public static void Into(IAnsiConsole console, ResultsDatabase database, string share, ExperimentFactory factory)
    {
        string path = Path.Combine(share, ResultsDatabase.FileName);
        if (!File.Exists(path))
        {
            throw new UsageException($"--merge {share}: there is no {ResultsDatabase.FileName} there; give the output directory of a 'fedsec bench' (another machine's --shard).");
        }

        if (Path.GetFullPath(path) == Path.GetFullPath(Path.Combine(database.Directory, ResultsDatabase.FileName)))
        {
            throw new UsageException($"--merge {share} is the output directory itself; give another bench's output directory.");
        }

        using var shareLock = OutputLock.Acquire(share);
        using (var source = ResultsDatabase.Open(path))
        {
            if (RunKeyMigration.Apply(source, factory.Bind) is { } migration)
            {
                console.MarkupLine(Markup.Escape($"{share}: {StoredCells.Describe(migration)}"));
            }
        }

        var (merged, alreadyHere) = database.Merge(path);
        console.MarkupLine(Markup.Escape($"Brought in {merged} run{(merged == 1 ? string.Empty : "s")} from {share} ({alreadyHere} of its runs were here already)."));
    }
}
