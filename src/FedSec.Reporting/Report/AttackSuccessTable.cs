namespace FedSec.Reporting.Report;

/// <summary>
/// The final attack success rate (%), defense × attack, for the attacks that report one; mean ± std over seeds. A
/// diverged run counts with its last round's value; a cell holding one is marked † with a footnote.
/// </summary>
internal static class AttackSuccessTable
{
    public static ReportTable? For(Facet facet, ResultIndex index, string id)
    {
        var runs = facet.Runs.Where(r => index.FinalMetric(r, ResultIndex.AttackSuccessRate) is not null).ToArray();
        if (runs.Length == 0)
        {
            return null;
        }

        var attacks = Facet.Ordered(runs.Select(r => r.Attack));
        var defenses = Facet.Ordered(runs.Select(r => r.Defense));
        var marks = new DivergenceMarks();
        var rows = defenses.Select(d => (IReadOnlyList<ReportCell>)new ReportCell[] { d }
            .Concat(attacks.Select(a => Cell(runs.Where(r => r.Attack == a && r.Defense == d).ToArray(), d, a, index, marks)))
            .ToArray()).ToArray();
        string suffix = facet.Label.Length == 0 ? string.Empty : $" ({facet.Label})";
        return new ReportTable(
            id,
            $"Final attack success rate (%){suffix}",
            "The last round's attack success rate (share of triggered test inputs classified as the attacker's target); mean ± std over seeds.",
            new[] { "defense \\ attack" }.Concat(attacks).ToArray(),
            rows,
            marks.Footnotes());
    }

    private static ReportCell Cell(IReadOnlyCollection<Results.Database.StoredRun> runs, string defense, string attack, ResultIndex index, DivergenceMarks marks) =>
        MeanStd.Of(runs.Select(r => index.FinalMetric(r, ResultIndex.AttackSuccessRate)!.Value)) is { } s ? s.Format(100, 2) + marks.Mark(defense, attack, runs) : "–";
}
