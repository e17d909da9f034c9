using FedSec.Results.Grid;
using Spectre.Console;

namespace FedSec.Cli.Console;

/// <summary>Runs a grid with its progress shown (<see cref="GridProgressView"/>): live bars on a terminal, a line per run otherwise.</summary>
internal static class GridProgress
{
    /// <summary>Runs <paramref name="pending"/> with <paramref name="runner"/>; returns the outcomes and the view (failures, adoptions).</summary>
    public static (IReadOnlyList<GridRunOutcome> Outcomes, GridProgressView View) Run(
        IAnsiConsole console, GridRunner runner, IReadOnlyList<GridRunPlan> pending, IReadOnlyDictionary<string, int> roundsOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(pending);
        if (!console.Profile.Capabilities.Interactive)
        {
            var view = new GridProgressView(console, null, roundsOf, pending.Count);
            return (runner.Run(pending, view, cancellationToken), view);
        }

        IReadOnlyList<GridRunOutcome> outcomes = Array.Empty<GridRunOutcome>();
        GridProgressView? live = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                live = new GridProgressView(console, ctx, roundsOf, pending.Count);
                outcomes = runner.Run(pending, live, cancellationToken);
            });
        return (outcomes, live!);
    }
}
