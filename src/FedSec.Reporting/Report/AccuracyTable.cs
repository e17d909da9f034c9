using FedSec.Reporting.Plots;

namespace FedSec.Reporting.Report;

/// <summary>
/// Final test accuracy, defense × attack, mean ± std over seeds in percent, with a worst-case column: for each defense
/// the attack (other than none) under which its mean final accuracy is lowest. Drawn as a table and as a heatmap. A
/// diverged run counts with the accuracy of its last round; a cell holding one is marked † with a footnote.
/// </summary>
internal static class AccuracyTable
{
    public const string WorstCase = "worst case";

    public static (ReportTable Table, ReportFigure Figure)? For(Facet facet, string id)
    {
        var runs = facet.Runs.Where(r => r.FinalAccuracy is { } a && !double.IsNaN(a)).ToArray();
        if (runs.Length == 0)
        {
            return null;
        }

        var attacks = Facet.Attacks(runs);
        var defenses = Facet.Defenses(runs);
        bool worstColumn = attacks.Any(a => a != Facet.None);
        var columns = attacks.Concat(worstColumn ? [WorstCase] : Array.Empty<string>()).ToArray();
        var cells = new HeatmapCell[defenses.Count, columns.Length];
        var rows = new List<IReadOnlyList<ReportCell>>();
        var marks = new DivergenceMarks();
        for (int d = 0; d < defenses.Count; d++)
        {
            var cellRuns = attacks.Select(a => runs.Where(r => r.Attack == a && r.Defense == defenses[d]).ToArray()).ToArray();
            var stats = cellRuns.Select(c => MeanStd.Of(c.Select(r => r.FinalAccuracy!.Value))).ToArray();
            var mark = attacks.Select((a, i) => marks.Mark(defenses[d], a, cellRuns[i])).ToArray();
            var row = new List<ReportCell> { defenses[d] };
            for (int a = 0; a < attacks.Count; a++)
            {
                cells[d, a] = Cell(stats[a], mark[a]);
                row.Add(stats[a] is { } s ? s.Format(100, 2) + mark[a] : "–");
            }

            if (worstColumn)
            {
                var worst = Enumerable.Range(0, attacks.Count).Where(a => attacks[a] != Facet.None && stats[a] is not null).OrderBy(a => stats[a]!.Value.Mean).Cast<int?>().FirstOrDefault();
                cells[d, attacks.Count] = Cell(worst is { } w ? stats[w] : null, worst is { } m ? mark[m] : string.Empty);
                row.Add(worst is { } x ? $"{stats[x]!.Value.Format(100, 2)}{mark[x]} ({attacks[x]})" : "–");
            }

            rows.Add(row);
        }

        string suffix = facet.Label.Length == 0 ? string.Empty : $" ({facet.Label})";
        var table = new ReportTable(
            id,
            $"Final test accuracy (%){suffix}",
            "Rows: defenses; columns: attacks. Mean ± standard deviation over seeds (sample std, n − 1); the worst case is the lowest mean over the attacks, named in brackets.",
            new[] { "defense \\ attack" }.Concat(columns).ToArray(),
            rows,
            marks.Footnotes());
        var figure = new ReportFigure(
            facet.Slug + "heatmap_final_accuracy",
            "Final test accuracy (%), defense × attack, with the worst case over attacks.",
            new Heatmap($"Final test accuracy (%){suffix}", "defense", "attack", defenses, columns, cells, worstColumn ? 1 : 0));
        return (table, figure);
    }

    private static HeatmapCell Cell(MeanStd? s, string mark) => s is { } v ? new HeatmapCell(v.Mean, v.Format(100, 2) + mark) : new HeatmapCell(null, "–");
}
