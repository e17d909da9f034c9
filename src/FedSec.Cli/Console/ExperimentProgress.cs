using FedSec.Simulation;
using Spectre.Console;

namespace FedSec.Cli.Console;

/// <summary>Runs an experiment with its progress shown: live bars on a terminal, a line per round otherwise.</summary>
internal static class ExperimentProgress
{
    /// <summary>Runs <paramref name="experiment"/>, reporting each round to <paramref name="log"/> too.</summary>
    public static ExperimentResult Run(IAnsiConsole console, Experiment experiment, int rounds, IExperimentObserver log)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(experiment);
        if (!console.Profile.Capabilities.Interactive)
        {
            return experiment.Run(new CompositeObserver(new ProgressObserver(console, null, rounds), log));
        }

        ExperimentResult result = null!;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx => result = experiment.Run(new CompositeObserver(new ProgressObserver(console, ctx, rounds), log)));
        return result;
    }
}
