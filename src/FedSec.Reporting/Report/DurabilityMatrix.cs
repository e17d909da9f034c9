using System.Globalization;

namespace FedSec.Reporting.Report;

/// <summary>
/// The durability of backdoors at a glance: one row per defense, one column per attack, each cell "ASR at the stop →
/// ASR k rounds later" (%, mean ± std over seeds), from the runs <see cref="DurabilityTable"/> lists one by one.
/// A cell without runs is "–". No table when no run stopped attacking before its last round.
/// </summary>
internal static class DurabilityMatrix
{
    /// <summary>The table of <paramref name="facet"/>'s runs, given their <see cref="BackdoorDurability.Measured"/> durabilities.</summary>
    public static ReportTable? For(Facet facet, IReadOnlyList<MeasuredRun> measured, string id)
    {
        ArgumentNullException.ThrowIfNull(facet);
        ArgumentNullException.ThrowIfNull(measured);
        if (measured.Count == 0)
        {
            return null;
        }

        var attacks = Facet.Attacks(measured.Select(m => m.Run)).ToArray();
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (string defense in Facet.Defenses(measured.Select(m => m.Run)))
        {
            var row = new List<ReportCell> { defense };
            foreach (string attack in attacks)
            {
                var cell = measured.Where(m => m.Run.Defense == defense && m.Run.Attack == attack).Select(m => m.Durability).ToArray();
                row.Add(cell.Length == 0
                    ? "–"
                    : MeanStd.StopToEnd(cell, d => d.AtStop, d => d.AtEnd));
            }

            rows.Add(row);
        }

        string ks = string.Join("/", measured.Select(m => m.Durability.RoundsAfter).Distinct().Order().Select(k => k.ToString(CultureInfo.InvariantCulture)));
        string seeds = string.Join("/", measured.GroupBy(m => (m.Run.Defense, m.Run.Attack)).Select(g => g.Count()).Distinct().Order().Select(n => n.ToString(CultureInfo.InvariantCulture)));
        string suffix = facet.Label.Length == 0 ? string.Empty : $" ({facet.Label})";
        return new ReportTable(
            id,
            $"Backdoor durability by defense and attack{suffix}",
            $"ASR (%) at the last round the attack was active → {ks} rounds later (the run's last evaluated round); mean ± std over {seeds} seed(s) per cell. The table below gives each cell's lifespan.",
            ["defense", .. attacks],
            rows);
    }
}
