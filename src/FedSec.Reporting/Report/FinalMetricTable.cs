namespace FedSec.Reporting.Report;

/// <summary>
/// The last value of a round metric (<see cref="FinalMetric"/>), defense × attack, for the runs that report it; mean ±
/// std over seeds. A diverged run counts with its last round's value; a cell holding one is marked † with a footnote.
/// </summary>
internal static class FinalMetricTable
{
    public static ReportTable? For(Facet facet, ResultIndex index, string idPrefix, FinalMetric metric)
    {
        var runs = facet.Runs.Where(r => index.FinalMetric(r, metric.Name) is not null).ToArray();
        if (runs.Length == 0)
        {
            return null;
        }

        var attacks = Facet.Attacks(runs);
        var defenses = Facet.Defenses(runs);
        var marks = new DivergenceMarks();
        var rows = defenses.Select(d => (IReadOnlyList<ReportCell>)new ReportCell[] { d }
            .Concat(attacks.Select(a => Cell(runs.Where(r => r.Attack == a && r.Defense == d).ToArray(), d, a, index, metric, marks)))
            .ToArray()).ToArray();
        string suffix = facet.Label.Length == 0 ? string.Empty : $" ({facet.Label})";
        return new ReportTable(
            idPrefix + metric.Id,
            metric.Caption + suffix,
            metric.Description,
            new[] { "defense \\ attack" }.Concat(attacks).ToArray(),
            rows,
            marks.Footnotes());
    }

    private static ReportCell Cell(IReadOnlyCollection<Results.Database.StoredRun> runs, string defense, string attack, ResultIndex index, FinalMetric metric, DivergenceMarks marks) =>
        MeanStd.Of(runs.Select(r => index.FinalMetric(r, metric.Name)!.Value)) is { } s ? s.Format(metric.Scale, metric.Decimals) + marks.Mark(defense, attack, runs) : "–";
}
