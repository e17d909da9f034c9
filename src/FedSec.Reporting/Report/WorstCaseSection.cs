using FedSec.Reporting.Plots;
using FedSec.Results.Database;
using FedSec.Results.Grid;

namespace FedSec.Reporting.Report;

/// <summary>
/// The report's worst-case section (<see cref="WorstCaseSelection"/>): a table with one row per defense and facet
/// (worst-case accuracy, the attack that achieves it, the chosen setting, how many settings were complete) and a
/// heatmap, defense × facet, on the final accuracy; and the same table on ByzFL's measure, the highest point of the
/// seed-mean curve (<see cref="WorstCaseMeasure.BestRound"/>), with the round it was read at. The facets are the report's (the runs sharing every axis other than attack, defense, tune
/// and seed): in a grid over the attackers' share, e.g. <c>malicious</c>, they are the fraction of attackers. Shown when
/// some defense was tuned (a run has the <c>tune</c> axis) and some run has an attack, so the reports of grids without
/// <c>tune:</c> stay as they were.
/// </summary>
internal static class WorstCaseSection
{
    public const string FigureName = "heatmap_worst_case";

    public const string Title = "Worst case over attacks";

    public static FacetSection? For(IReadOnlyList<Facet> facets, IReadOnlyList<StoredRun> runs, IReadOnlyDictionary<string, IReadOnlyList<StoredRound>> roundsOf)
    {
        if (!runs.Any(r => r.Axes.ContainsKey(GridExpander.TuneAxis)) || runs.All(r => r.Attack == Facet.None))
        {
            return null;
        }

        var choices = facets.Select(f => WorstCaseSelection.Select(f.Runs)).ToArray();
        var selected = choices.SelectMany(c => c).Select(c => c.Defense).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string> defenses = Facet.Ordered(runs, WorstCaseSelection.DefenseOf, GridExpander.DefenseAxis).Where(selected.Contains).ToArray();
        var outer = facets.SelectMany(f => f.Runs).SelectMany(r => r.Axes.Keys)
            .Where(k => !Facet.InnerAxes.Contains(k) && !facets[0].MergedAxes.Contains(k)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        string columnAxis = outer.Length == 0 ? "runs" : string.Join(", ", outer);
        var columns = facets.Select(f => f.Label.Length == 0 ? "all runs" : outer.Length == 1 ? f.Runs[0].Axes[outer[0]] : f.Label).ToArray();

        var attackSets = facets.Select(f => string.Join(", ", Facet.Attacks(f.Runs).Where(a => a != Facet.None))).ToArray();
        var attacksNote = new List<string>();
        if (attackSets.Distinct(StringComparer.Ordinal).Count() > 1)
        {
            attacksNote.Add($"The attacks differ between the columns, and each worst case is over its own column's: {string.Join("; ", columns.Select((c, i) => $"{c}: {(attackSets[i].Length == 0 ? "none" : attackSets[i])}"))}.");
        }

        var (rows, footnotes, cells) = Tabulate(choices, defenses, columns, attackSets, withRound: false);
        var table = new ReportTable(
            "worst-case",
            $"{Title}: final test accuracy (%) with tuned hyper-parameters",
            $"Per defense and {columnAxis}: for each of its settings, the lowest seed-mean final accuracy over the attacks other than none; the chosen setting is the one whose lowest is highest. "
            + "Shown: mean ± standard deviation over seeds under the chosen setting's worst attack. A setting lacking a run for some attack and seed is not eligible; ties name the first in order and list the others.",
            ["defense", columnAxis, "worst-case accuracy", "worst attack", "chosen setting", "complete settings"],
            rows,
            attacksNote.Concat(footnotes).ToArray());

        var byzflChoices = facets.Select(f => WorstCaseSelection.Select(f.Runs, WorstCaseMeasure.BestRound, roundsOf)).ToArray();
        var (byzflRows, byzflFootnotes, _) = Tabulate(byzflChoices, defenses, columns, attackSets, withRound: true);
        var byzfl = new ReportTable(
            "worst-case-best-round",
            $"{Title}, as ByzFL measures it: best round of the seed-mean test accuracy (%)",
            $"As above, but each attack is scored by the highest point of its seed-mean accuracy curve over the rounds, as ByzFL's benchmark does (the maximum over its evaluation steps), not by the final round: a defense that loses the model late scores what it held before. "
            + "Shown: mean ± standard deviation over seeds at that round, and the round (1-based). A run that diverged holds its last value in the later rounds.",
            ["defense", columnAxis, "worst-case accuracy", "at round", "worst attack", "chosen setting", "complete settings"],
            byzflRows,
            attacksNote.Concat(byzflFootnotes).ToArray());

        var figure = new ReportFigure(
            FigureName,
            $"Worst-case final test accuracy (%) over attacks with the best tuned setting, defense × {columnAxis}.",
            new Heatmap("Worst case (%)", "defense", columnAxis, defenses, columns, cells, 0));
        return new FacetSection(new Facet(Title, string.Empty, runs), [table, byzfl], [figure]);
    }

    /// <summary>The table's rows (with the round column when <paramref name="withRound"/>: choices made on the best round), its footnotes and the heatmap's cells.</summary>
    private static (List<IReadOnlyList<ReportCell>> Rows, IReadOnlyList<string> Footnotes, HeatmapCell[,] Cells) Tabulate(IReadOnlyList<WorstCaseChoice>[] choices, IReadOnlyList<string> defenses, IReadOnlyList<string> columns, IReadOnlyList<string> attackSets, bool withRound)
    {
        var marks = new DivergenceMarks();
        var rows = new List<IReadOnlyList<ReportCell>>();
        var notes = new List<string>();
        var cells = new HeatmapCell[defenses.Count, columns.Count];
        for (int d = 0; d < defenses.Count; d++)
        {
            for (int f = 0; f < choices.Length; f++)
            {
                var choice = choices[f].FirstOrDefault(c => c.Defense == defenses[d]);
                if (choice is null)
                {
                    cells[d, f] = new HeatmapCell(null, attackSets[f].Length == 0 ? "no attack" : "not run");
                    continue;
                }

                var chosen = choice.Chosen;
                string mark = chosen is null ? string.Empty : marks.Mark(Describe(choice.Defense, chosen.Setting), chosen.WorstAttacks[0], chosen.WorstRuns);
                string value = chosen?.Worst is { } w ? w.Format(100, 2) + mark : "–";
                cells[d, f] = chosen?.Worst is { } v ? new HeatmapCell(v.Mean, $"{value}\n{chosen.WorstAttacks[0]}") : new HeatmapCell(null, "incomplete");
                var row = new List<ReportCell> { choice.Defense, columns[f], value };
                if (withRound)
                {
                    row.Add(chosen?.Round is { } round ? (round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "–");
                }

                row.AddRange([
                    chosen is null ? "–" : Tied(chosen.WorstAttacks[0], chosen.WorstAttacks.Skip(1)),
                    chosen is null ? "–" : Tied(chosen.Setting ?? "(not tuned)", choice.Tied.Select(t => t.Setting ?? "(not tuned)")),
                    $"{choice.Candidates.Count(c => c.Eligible)} of {choice.Candidates.Count}",
                ]);
                rows.Add(row);
                notes.AddRange(choice.Candidates.Where(c => !c.Eligible).Select(c =>
                    $"{Describe(choice.Defense, c.Setting)}, {columns[f]}: no finished run for {Listed(c.Missing)}; not eligible."));
            }
        }

        return (rows, marks.Footnotes().Concat(notes).ToArray(), cells);
    }

    private static string Describe(string defense, string? setting) => setting is null ? defense : GridTuning.Label(defense, setting);

    private static string Tied(string first, IEnumerable<string> others) =>
        others.ToArray() is { Length: > 0 } o ? $"{first} (tied: {string.Join(", ", o)})" : first;

    private static string Listed(IReadOnlyList<string> missing) =>
        missing.Count <= 4 ? string.Join(", ", missing) : $"{string.Join(", ", missing.Take(4))} and {missing.Count - 4} more";
}
