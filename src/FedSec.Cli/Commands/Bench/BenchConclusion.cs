using FedSec.Results.Grid;
using Spectre.Console;

namespace FedSec.Cli.Commands.Bench;

/// <summary>What a bench did, as it says at the end, and its exit code.</summary>
/// <param name="Planned">The grid's runs.</param>
/// <param name="AlreadyFinished">Runs that were in the database before this bench.</param>
/// <param name="Outcomes">The runs this bench ended (stored, adopted or failed).</param>
/// <param name="Adopted">Of the stored ones, how many a run of an earlier bench had completed.</param>
/// <param name="Interrupted">Whether Ctrl-C or SIGTERM stopped the bench.</param>
internal sealed record BenchConclusion(int Planned, int AlreadyFinished, IReadOnlyList<GridRunOutcome> Outcomes, int Adopted, bool Interrupted)
{
    /// <summary>
    /// Whether this bench ran with <c>--rerun</c>: then the command to resume or retry is the same one without it, which
    /// would forget again the runs finished now.
    /// </summary>
    public bool Rerun { get; init; }

    /// <summary>The command that goes on where this bench stopped.</summary>
    public string Resume => Rerun ? "the same command without --rerun (with it, the runs finished now would be forgotten again)" : "the same command";

    /// <summary>Runs stored by this bench.</summary>
    public int Stored => Outcomes.Count(o => o.Succeeded);

    /// <summary>Runs that failed (the same command retries them).</summary>
    public IReadOnlyList<GridRunOutcome> Failures => Outcomes.Where(o => !o.Succeeded).ToArray();

    /// <summary>Runs of the grid in the database now.</summary>
    public int Done => AlreadyFinished + Stored;

    /// <summary>130 when interrupted, 1 when a run failed, else 0 (diverged runs are results).</summary>
    public int ExitCode => Interrupted ? ExitCodes.Interrupted : Failures.Count > 0 ? ExitCodes.RunsFailed : ExitCodes.Ok;

    /// <summary>Prints the failures, then the counts and what to do next.</summary>
    public void Show(IAnsiConsole console, string output)
    {
        ArgumentNullException.ThrowIfNull(console);
        foreach (var f in Failures)
        {
            console.MarkupLine($"[red]failed:[/] {Markup.Escape(f.Plan.Label)} ({f.Plan.RunKey}): {Markup.Escape(f.Error ?? string.Empty)}");
        }

        if (Interrupted)
        {
            console.MarkupLine($"[yellow]Interrupted.[/] {Done} of {Planned} runs are finished and kept; run {Resume} to resume.");
            return;
        }

        int diverged = Outcomes.Count(o => o.Succeeded && o.Diverged is not null);
        if (diverged > 0)
        {
            console.MarkupLine($"[yellow]{diverged} of the runs finished now diverged[/] (their model became non-finite; stored with status 'diverged' and the accuracy of their last round, marked † in the report).");
        }

        string adopted = Adopted > 0 ? $" ({Adopted} of them completed by the runs of an earlier, interrupted bench and stored now)" : string.Empty;
        string failed = Failures.Count > 0 ? $", [red]{Failures.Count} failed[/] (run {Resume} to retry them)" : string.Empty;
        console.MarkupLine($"{Stored} runs finished now{adopted}, {Done} of {Planned} in all{failed}. 'fedsec report {Markup.Escape(output)}' writes the report.");
    }
}
