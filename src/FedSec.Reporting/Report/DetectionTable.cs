namespace FedSec.Reporting.Report;

/// <summary>
/// How well each defense told malicious clients from honest ones: precision and recall over the run (summed counts),
/// mean ± std over the runs (seeds) of each attack. Runs where a ratio is undefined (nothing flagged, no attacker) are
/// left out of that ratio's mean.
/// </summary>
internal static class DetectionTable
{
    public static ReportTable? For(Facet facet, ResultIndex index, string id)
    {
        var rows = facet.Runs
            .SelectMany(run => index.Detection(run).Select(d => (run.Defense, Component: d.Defense, run.Attack, d)))
            .GroupBy(x => (x.Defense, x.Component, x.Attack))
            .OrderBy(g => g.Key.Defense == Facet.None ? 0 : 1).ThenBy(g => g.Key.Defense, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Component, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Attack == Facet.None ? 0 : 1).ThenBy(g => g.Key.Attack, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<ReportCell>)new ReportCell[]
            {
                g.Key.Defense,
                g.Key.Component,
                g.Key.Attack,
                MeanStd.Of(g.Where(x => x.d.Precision is not null).Select(x => x.d.Precision!.Value))?.Format(1, 3) ?? "–",
                MeanStd.Of(g.Where(x => x.d.Recall is not null).Select(x => x.d.Recall!.Value))?.Format(1, 3) ?? "–",
                g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .ToArray();
        if (rows.Length == 0)
        {
            return null;
        }

        string suffix = facet.Label.Length == 0 ? string.Empty : $" ({facet.Label})";
        return new ReportTable(
            id,
            $"Detection precision and recall{suffix}",
            "Precision = TP / (TP + FP) and recall = TP / (TP + FN) of each defense's flags against the truly malicious clients, counts summed over the run; mean ± std over runs.",
            ["defense", "component", "attack", "precision", "recall", "runs"],
            rows);
    }
}
