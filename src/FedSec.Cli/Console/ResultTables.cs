using System.Globalization;
using FedSec.Output;
using FedSec.Simulation;
using FedSec.Stages;
using Spectre.Console;

namespace FedSec.Cli.Console;

/// <summary>The final tables of a run: one row per round, then detection and memory per defense and the summary.</summary>
internal static class ResultTables
{
    /// <summary>Shows the rounds of <paramref name="result"/>, then detection and final metrics from <paramref name="summary"/>.</summary>
    public static void Show(IAnsiConsole console, ExperimentResult result, RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(summary);
        var defenseNames = result.Rounds.SelectMany(r => r.Defenses).Where(d => d.Verdicts.Count > 0).Select(d => d.Name).Distinct().ToArray();
        var table = new Table().Title("Rounds").AddColumns("round", "accuracy", "loss", "attacked");
        foreach (var name in defenseNames)
        {
            table.AddColumn($"{Markup.Escape(name)}: removed");
        }

        table.AddColumn("time (s)");
        foreach (var r in result.Rounds)
        {
            var cells = new List<string>
            {
                (r.Round + 1).ToString(CultureInfo.InvariantCulture),
                r.Accuracy is { } a ? a.ToString("P2", CultureInfo.InvariantCulture) : "-",
                r.Loss is { } l ? l.ToString("F4", CultureInfo.InvariantCulture) : "-",
                r.Attacked.Count == 0 ? "-" : string.Join(",", r.Attacked),
            };
            foreach (var name in defenseNames)
            {
                var d = r.Defenses.FirstOrDefault(x => x.Name == name);
                var removed = d?.Verdicts.Where(v => v.Flagged).Select(v => v.ClientId.ToString(CultureInfo.InvariantCulture)).ToArray() ?? Array.Empty<string>();
                cells.Add(removed.Length == 0 ? "-" : string.Join(",", removed));
            }

            cells.Add(r.Seconds.ToString("F1", CultureInfo.InvariantCulture));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        console.Write(table);
        foreach (var d in summary.Detection)
        {
            console.MarkupLine(Markup.Escape($"{d.Defense}: detection precision {Pct(d.Precision)}, recall {Pct(d.Recall)} (TP {d.TruePositives}, FP {d.FalsePositives}, FN {d.FalseNegatives}, TN {d.TrueNegatives})"));
        }

        foreach (var m in summary.DefenseMemory ?? [])
        {
            console.MarkupLine(Markup.Escape(MemoryLine(m)));
        }

        foreach (var (k, v) in summary.FinalMetrics)
        {
            console.MarkupLine(Markup.Escape($"{k}: {v.ToString("G4", CultureInfo.InvariantCulture)}"));
        }

        console.MarkupLine($"[bold]Final accuracy {Pct(summary.FinalAccuracy ?? double.NaN)}[/] (best {Pct(summary.BestAccuracy ?? double.NaN)}), {summary.Seconds.ToString("F0", CultureInfo.InvariantCulture)} s.");
    }

    /// <summary>One defense's memory over the run, as <c>fedsec run</c> prints it.</summary>
    internal static string MemoryLine(DefenseMemorySummary memory) =>
        $"{memory.Defense}: keeps {Reporting.Report.MemoryTable.Bytes(memory.FinalStateBytes)} across rounds (at most {Reporting.Report.MemoryTable.Bytes(memory.PeakStateBytes)}), " +
        $"scratch up to {Reporting.Report.MemoryTable.Bytes(memory.PeakAllocatedBytes)} a round";

    private static string Pct(double v) => double.IsNaN(v) ? "n/a" : v.ToString("P2", CultureInfo.InvariantCulture);
}
