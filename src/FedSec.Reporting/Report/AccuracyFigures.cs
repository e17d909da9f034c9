using FedSec.Reporting.Plots;
using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>
/// The per-round figures of a facet, after the FedMLSecurity paper: accuracy per attack without defense (its Figure 4),
/// per defense without attack (Figure 5), per defense under each attack with the benign and undefended baselines
/// (Figures 6 and 7), and the attack success rate of attacks that report one. A figure whose runs are absent is left out.
/// A series holding diverged runs is marked † and carries their last values to the end.
/// </summary>
internal static class AccuracyFigures
{
    internal const string RoundAxis = "Communication round";

    public static IEnumerable<ReportFigure> For(Facet facet, ResultIndex index)
    {
        string suffix = facet.Label.Length == 0 ? string.Empty : $" ({facet.Label})";
        var attacks = Facet.Attacks(facet.Runs);
        var defenses = Facet.Defenses(facet.Runs);

        var byAttack = attacks.Select(a => Series(index, Runs(facet, a, Facet.None), AttackName(a), a == Facet.None ? Palette.Benign : Style(attacks, a))).OfType<LineSeries>().ToArray();
        if (facet.Runs.Any(r => r.Attack != Facet.None && r.Defense == Facet.None))
        {
            yield return new ReportFigure(facet.Slug + "fig4_accuracy_by_attack", "Test accuracy per round for each attack, no defense (cf. FedMLSecurity Fig. 4).", Chart($"Accuracy under attack, no defense{suffix}", "Test accuracy", byAttack));
        }

        var byDefense = defenses.Select(d => Series(index, Runs(facet, Facet.None, d), DefenseName(d), d == Facet.None ? Palette.Benign : Style(defenses, d))).OfType<LineSeries>().ToArray();
        if (facet.Runs.Any(r => r.Attack == Facet.None && r.Defense != Facet.None))
        {
            yield return new ReportFigure(facet.Slug + "fig5_accuracy_by_defense", "Test accuracy per round for each defense, no attack (cf. FedMLSecurity Fig. 5).", Chart($"Defenses without attack{suffix}", "Test accuracy", byDefense));
        }

        foreach (string attack in attacks.Where(a => a != Facet.None))
        {
            if (!facet.Runs.Any(r => r.Attack == attack && r.Defense != Facet.None))
            {
                continue;
            }

            var series = new List<LineSeries?>
            {
                Series(index, Runs(facet, Facet.None, Facet.None), "benign (no attack)", Palette.Benign),
                Series(index, Runs(facet, attack, Facet.None), $"{attack}, no defense", Palette.Undefended),
            };
            series.AddRange(defenses.Where(d => d != Facet.None).Select(d => Series(index, Runs(facet, attack, d), d, Style(defenses, d))));
            yield return new ReportFigure(facet.Slug + "fig6_accuracy_under_" + FileNames.Safe(attack), $"Test accuracy per round of each defense under {attack}, with the benign and undefended baselines (cf. FedMLSecurity Figs. 6 and 7).", Chart($"Defenses under {attack}{suffix}", "Test accuracy", series.OfType<LineSeries>().ToArray()));
        }

        foreach (string attack in attacks.Where(a => a != Facet.None))
        {
            var asr = defenses.Select(d => Series(index, Runs(facet, attack, d).Where(r => index.HasMetric(r, ResultIndex.AttackSuccessRate)), DefenseName(d), d == Facet.None ? Palette.Undefended : Style(defenses, d), r => r.Metrics.TryGetValue(ResultIndex.AttackSuccessRate, out double v) ? v : null))
                .OfType<LineSeries>().ToArray();
            if (asr.Length > 0)
            {
                yield return new ReportFigure(facet.Slug + "asr_" + FileNames.Safe(attack), $"Attack success rate per round of {attack} (backdoor accuracy on triggered test inputs) for each defense.", Chart($"Attack success rate of {attack}{suffix}", "Attack success rate", asr));
            }
        }
    }

    internal static string AttackName(string attack) => attack == Facet.None ? "no attack" : attack;

    internal static string DefenseName(string defense) => defense == Facet.None ? "no defense" : defense;

    // A label's style follows its place among the facet's labels other than none, so a defense looks the same in every figure.
    private static SeriesStyle Style(IReadOnlyList<string> labels, string label) => Palette.Series(labels.Where(l => l != Facet.None).ToList().IndexOf(label));

    private static IEnumerable<StoredRun> Runs(Facet facet, string attack, string defense) => facet.Runs.Where(r => r.Attack == attack && r.Defense == defense);

    private static LineChart Chart(string title, string yLabel, IReadOnlyList<LineSeries> series) => new(title, RoundAxis, yLabel, series, (0, 1));

    // A diverged run stops early, but its model stays broken: as in the tables, it keeps its last round's values for the
    // rounds its cell's other runs went on to, so the mean does not jump back up to the surviving seeds. The series is
    // marked † in the legend.
    internal static LineSeries? Series(ResultIndex index, IEnumerable<StoredRun> runs, string name, SeriesStyle style, Func<StoredRound, double?>? value = null)
    {
        var cell = runs.Select(r => (Run: r, Rounds: index.Rounds(r).OrderBy(x => x.Round).ToList())).ToList();
        int last = cell.SelectMany(c => c.Rounds).Select(r => r.Round).DefaultIfEmpty(-1).Max();
        var rounds = cell.Select(c => c.Run.Status == FedSec.Simulation.RunStatus.Diverged && c.Rounds.Count > 0
            ? c.Rounds.Concat(Enumerable.Range(c.Rounds[^1].Round + 1, Math.Max(0, last - c.Rounds[^1].Round)).Select(r => c.Rounds[^1] with { Round = r }))
            : c.Rounds);
        var points = Curves.Of(rounds, value ?? (r => r.Accuracy));
        bool diverged = cell.Any(c => c.Run.Status == FedSec.Simulation.RunStatus.Diverged);
        return points.Count == 0 ? null : new LineSeries(diverged ? name + DivergenceMarks.Dagger : name, style, points);
    }
}
