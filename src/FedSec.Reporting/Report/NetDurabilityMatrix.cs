using System.Globalization;

namespace FedSec.Reporting.Report;

/// <summary>
/// What a backdoor plants beyond what its trigger reaches alone (<c>fedsec report --control DIR</c>): one row per
/// defense, one column per attack, each cell the backdoor run's ASR minus its control run's (<see cref="ControlRuns"/>)
/// at the attack's last round → k rounds later, in percentage points, mean ± std of the per-seed differences. A cell
/// without a paired run is "–"; the runs without a control are listed under the table. No table when no run pairs.
/// </summary>
internal static class NetDurabilityMatrix
{
    /// <summary>The table of <paramref name="facet"/>'s paired runs; <paramref name="unpaired"/> the measured runs without a control.</summary>
    public static ReportTable? For(Facet facet, IReadOnlyList<ControlledRun> paired, IReadOnlyList<MeasuredRun> unpaired, string source, string id)
    {
        ArgumentNullException.ThrowIfNull(facet);
        ArgumentNullException.ThrowIfNull(paired);
        ArgumentNullException.ThrowIfNull(unpaired);
        if (paired.Count == 0)
        {
            return null;
        }

        var runs = paired.Select(p => p.Measured.Run).ToArray();
        var attacks = Facet.Attacks(runs).ToArray();
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (string defense in Facet.Defenses(runs))
        {
            var row = new List<ReportCell> { defense };
            foreach (string attack in attacks)
            {
                var cell = paired.Where(p => p.Measured.Run.Defense == defense && p.Measured.Run.Attack == attack).ToArray();
                row.Add(cell.Length == 0
                    ? "–"
                    : MeanStd.StopToEnd(cell, p => p.NetAtStop, p => p.NetAtEnd));
            }

            rows.Add(row);
        }

        string ks = string.Join("/", paired.Select(p => p.Measured.Durability.RoundsAfter).Distinct().Order().Select(k => k.ToString(CultureInfo.InvariantCulture)));
        string suffix = facet.Label.Length == 0 ? string.Empty : $" ({facet.Label})";
        var footnotes = unpaired.Count == 0
            ? null
            : new[] { $"No control run in {source} for: {Missing(paired, unpaired)} (a control run has the backdoor run's grid axes, its defense or none, and the ASR evaluated at the same rounds)." };
        return new ReportTable(
            id,
            $"Backdoor beyond its trigger alone{suffix}",
            $"ASR of the backdoor run minus that of its control run from {source} (the same attack, seed and axes with {ControlRuns.TriggerOnlyKey}: true: the attackers train the trigger but send no update), at the last round the attack was active → {ks} rounds later; percentage points, mean ± std over the seeds that have a control. What remains is what the poisoned updates planted.",
            ["defense", .. attacks],
            rows,
            footnotes);
    }

    // Per attack: "dba (all 45 runs)", or the runs without a control when some have one.
    private static string Missing(IReadOnlyList<ControlledRun> paired, IReadOnlyList<MeasuredRun> unpaired) =>
        string.Join("; ", Facet.Attacks(unpaired.Select(m => m.Run)).Select(attack =>
        {
            var missing = unpaired.Where(m => m.Run.Attack == attack).ToArray();
            int total = missing.Length + paired.Count(p => p.Measured.Run.Attack == attack);
            return missing.Length == total
                ? total == 1 ? $"{attack} (1 run)" : $"{attack} (all {total} runs)"
                : $"{attack} ({missing.Length} of {total} runs: {string.Join(", ", missing.Select(m => m.Run.Label))})";
        }));
}
