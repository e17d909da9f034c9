namespace FedSec.Reporting.Report;

/// <summary>The final attack success rate (%), defense × attack, for the attacks that report one; mean ± std over seeds.</summary>
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
        var rows = defenses.Select(d => (IReadOnlyList<ReportCell>)new ReportCell[] { d }
            .Concat(attacks.Select(a => new ReportCell(MeanStd.Of(runs.Where(r => r.Attack == a && r.Defense == d).Select(r => index.FinalMetric(r, ResultIndex.AttackSuccessRate)!.Value))?.Format(100, 2) ?? "–")))
            .ToArray()).ToArray();
        string suffix = facet.Label.Length == 0 ? string.Empty : $" ({facet.Label})";
        return new ReportTable(
            id,
            $"Final attack success rate (%){suffix}",
            "The last round's attack success rate (share of triggered test inputs classified as the attacker's target); mean ± std over seeds.",
            new[] { "defense \\ attack" }.Concat(attacks).ToArray(),
            rows);
    }
}
