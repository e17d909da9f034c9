using System.Globalization;

namespace FedSec.Reporting.Report;

/// <summary>
/// The durability of backdoors (issue 14: "ASR k rounds after the attacker stops"): one row per defense × attack whose
/// runs stopped attacking before their last round (<c>attack_args.poison_end_round_id</c>), with the ASR at the attack's
/// last round, the ASR k rounds later and the lifespan (<see cref="BackdoorDurability"/>), mean ± std over seeds. A
/// lifespan cell where some seed's backdoor never fell below the threshold reads "≥ mean": those seeds count with the
/// rounds they were observed. No table when no run qualifies.
/// </summary>
internal static class DurabilityTable
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

        var marks = new DivergenceMarks();
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (string defense in Facet.Defenses(measured.Select(m => m.Run)))
        {
            foreach (string attack in Facet.Attacks(measured.Where(m => m.Run.Defense == defense).Select(m => m.Run)))
            {
                var cell = measured.Where(m => m.Run.Defense == defense && m.Run.Attack == attack).ToArray();
                rows.Add(Row(defense, attack, cell, marks));
            }
        }

        string suffix = facet.Label.Length == 0 ? string.Empty : $" ({facet.Label})";
        string threshold = (BackdoorDurability.LifespanThreshold * 100).ToString("F0", CultureInfo.InvariantCulture);
        return new ReportTable(
            id,
            $"Backdoor durability after the attack stops{suffix}",
            $"ASR (%) at the last round the attack was active and k rounds later (the run's last evaluated round); lifespan: rounds after the stop until the ASR first fell below {threshold} % (Neurotoxin's durability; 0 when it was below at the stop), \"≥\" when some seed's backdoor outlived the run. Mean ± std over seeds.",
            ["defense", "attack", "ASR at stop", "ASR k rounds later", "k", "lifespan (rounds)", "runs"],
            rows,
            marks.Footnotes());
    }

    private static ReportCell[] Row(string defense, string attack, MeasuredRun[] cell, DivergenceMarks marks)
    {
        string mark = marks.Mark(defense, attack, cell.Select(c => c.Run).ToArray());
        var ks = cell.Select(c => c.Durability.RoundsAfter).Distinct().Order().Select(k => k.ToString(CultureInfo.InvariantCulture));
        string lifespan = MeanStd.Of(cell.Select(c => (double)c.Durability.Lifespan))!.Value.Format(1, 1);
        return
        [
            defense,
            attack,
            MeanStd.Of(cell.Select(c => c.Durability.AtStop))!.Value.Format(100, 2),
            MeanStd.Of(cell.Select(c => c.Durability.AtEnd))!.Value.Format(100, 2) + mark,
            string.Join("/", ks),
            (cell.Any(c => c.Durability.Censored) ? "≥ " : string.Empty) + lifespan,
            cell.Length.ToString(CultureInfo.InvariantCulture),
        ];
    }
}
