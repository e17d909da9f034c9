using System.Globalization;

namespace FedSec.Reporting.Report;

/// <summary>
/// The control runs a facet's backdoor runs were paired with (<see cref="ControlRuns"/>): each trigger's attack success
/// rate on a model no poisoned update reached, at the attack's last round → k rounds later, one column per seed and
/// their mean ± std. A trigger that fools the clean model by itself shows here. No table when no run pairs.
/// </summary>
internal static class ControlTriggerTable
{
    /// <summary>The table of the controls in <paramref name="paired"/>.</summary>
    public static ReportTable? For(Facet facet, IReadOnlyList<ControlledRun> paired, string source, string id)
    {
        ArgumentNullException.ThrowIfNull(facet);
        ArgumentNullException.ThrowIfNull(paired);
        if (paired.Count == 0)
        {
            return null;
        }

        // One measurement per control run (several backdoor runs, one per defense, may share it).
        var controls = paired.GroupBy(p => p.Control.RunKey, StringComparer.Ordinal).Select(g => g.First()).ToArray();
        var seeds = controls.Select(c => c.Control.Seed).Distinct().Order().ToArray();
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (string attack in Facet.Attacks(controls.Select(c => c.Control)))
        {
            foreach (string defense in Facet.Defenses(controls.Where(c => c.Control.Attack == attack).Select(c => c.Control)))
            {
                var line = controls.Where(c => c.Control.Attack == attack && c.Control.Defense == defense).ToArray();
                var row = new List<ReportCell> { defense == Facet.None ? attack : $"{attack} × {defense}" };
                foreach (long seed in seeds)
                {
                    row.Add(line.FirstOrDefault(c => c.Control.Seed == seed) is { } c ? $"{Percent(c.ControlAtStop)} → {Percent(c.ControlAtEnd)}" : "–");
                }

                row.Add(MeanStd.StopToEnd(line, c => c.ControlAtStop, c => c.ControlAtEnd));
                rows.Add(row);
            }
        }

        string ks = string.Join("/", controls.Select(c => c.Measured.Durability.RoundsAfter).Distinct().Order().Select(k => k.ToString(CultureInfo.InvariantCulture)));
        string suffix = facet.Label.Length == 0 ? string.Empty : $" ({facet.Label})";
        return new ReportTable(
            id,
            $"Each trigger alone: the control runs{suffix}",
            $"ASR (%) of the control runs from {source} ({ControlRuns.TriggerOnlyKey}: true: the attackers train the trigger but send no update, so the global model is the honest clients'), at the backdoor's last attack round → {ks} rounds later. A trigger that reaches a high ASR here fools the clean model without any backdoor.",
            ["trigger", .. seeds.Select(s => $"seed {s.ToString(CultureInfo.InvariantCulture)}"), "mean ± std"],
            rows);
    }

    private static string Percent(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture);
}
