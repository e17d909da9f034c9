using System.Globalization;
using FedSec.Cli.Commands.Bench;
using Spectre.Console;

namespace FedSec.Cli.Console;

/// <summary>The table <c>fedsec bench --dry-run</c> shows: every run with its key, rounds and whether it is finished.</summary>
internal static class PlanTable
{
    /// <summary>Shows <paramref name="plan"/>'s runs; those in <paramref name="finished"/> are marked finished.</summary>
    public static void Show(IAnsiConsole console, BenchPlan plan, IReadOnlySet<string> finished)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(finished);
        var table = new Table().AddColumns("#", "run key", "run", "rounds", "status");
        for (int i = 0; i < plan.Runs.Count; i++)
        {
            var run = plan.Runs[i];
            table.AddRow(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                run.RunKey,
                Markup.Escape(run.Label),
                plan.Configs[run.RunKey].CommRound.ToString(CultureInfo.InvariantCulture),
                finished.Contains(run.RunKey) ? "[green]finished[/]" : "pending");
        }

        console.Write(table);
    }
}
