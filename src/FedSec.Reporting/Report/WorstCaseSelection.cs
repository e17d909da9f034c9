using System.Globalization;
using FedSec.Results.Database;
using FedSec.Results.Grid;

namespace FedSec.Reporting.Report;

/// <summary>
/// Worst-case robustness with tuned hyper-parameters, as ByzFL's benchmark scores an aggregator (its
/// <c>find_best_hyperparameters</c> keeps the setting that maximises the minimum over attacks of the seed-mean
/// accuracy). For each defense of a facet and each of its settings (the runs' <c>tune</c> axis): the seed-mean
/// accuracy under each attack of the facet other than <c>none</c> — the final one, or with <see
/// cref="WorstCaseMeasure.BestRound"/> the highest point of the seed-mean curve, which is what ByzFL reads (the maximum
/// over its evaluation steps) —; the setting's worst case is the lowest of them; the
/// chosen setting is the one whose worst case is highest. Reported: mean ± std over seeds under the chosen setting's
/// worst attack. Pure.
/// <list type="bullet">
/// <item>Missing runs: the facet's attacks and seeds are those any of its runs has. A setting lacking a run with a
/// final accuracy for some (attack, seed) — not run yet, failed, excluded, or NaN — is not eligible: averaging the seeds
/// or attacks it has could hide its worst case. With no eligible setting the defense has no worst case.</item>
/// <item>Diverged runs count with the accuracy of their last round, as everywhere in the report.</item>
/// <item>Ties (equal doubles): among attacks, the first in report order is named and the others listed; among
/// settings, the first in report order (no setting first, then ordinal) is chosen and the others listed.</item>
/// </list>
/// </summary>
internal static class WorstCaseSelection
{
    /// <summary>The choices for every defense of <paramref name="runs"/> (one facet), in report order; empty when the
    /// facet has no attack other than none.</summary>
    public static IReadOnlyList<WorstCaseChoice> Select(IReadOnlyList<StoredRun> runs) => Select(runs, WorstCaseMeasure.FinalRound, null);

    /// <summary>
    /// As <see cref="Select(IReadOnlyList{StoredRun})"/>, reading each cell by <paramref name="measure"/>; <see
    /// cref="WorstCaseMeasure.BestRound"/> needs every run's rounds (<paramref name="roundsOf"/>, by run key).
    /// </summary>
    public static IReadOnlyList<WorstCaseChoice> Select(IReadOnlyList<StoredRun> runs, WorstCaseMeasure measure, IReadOnlyDictionary<string, IReadOnlyList<StoredRound>>? roundsOf)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var rounds = roundsOf ?? new Dictionary<string, IReadOnlyList<StoredRound>>();
        if (measure == WorstCaseMeasure.BestRound && roundsOf is null)
        {
            throw new ArgumentNullException(nameof(roundsOf), "The best-round measure reads every run's rounds.");
        }

        var attacks = Facet.Attacks(runs).Where(a => a != Facet.None).ToArray();
        if (attacks.Length == 0)
        {
            return [];
        }

        var seeds = runs.Select(r => r.Seed).Distinct().Order().ToArray();
        var byDefense = runs.GroupBy(DefenseOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        return Facet.Ordered(runs, DefenseOf, GridExpander.DefenseAxis)
            .Select(d => Choose(d, byDefense[d], attacks, seeds, new CellMeasure(measure, rounds)))
            .ToArray();
    }

    /// <summary>A run's defense without its tuned values.</summary>
    public static string DefenseOf(StoredRun run) => GridTuning.Family(run.Defense, SettingOf(run));

    /// <summary>A run's tuned values (its <c>tune</c> axis); null when its defense was not tuned.</summary>
    public static string? SettingOf(StoredRun run) => run.Axes.GetValueOrDefault(GridExpander.TuneAxis);

    private static WorstCaseChoice Choose(string defense, StoredRun[] runs, string[] attacks, long[] seeds, CellMeasure measure)
    {
        var candidates = runs
            .GroupBy(SettingOf)
            .OrderBy(g => g.Key is null ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Score(g.Key, g.ToArray(), attacks, seeds, measure))
            .ToArray();
        var eligible = candidates.Where(c => c.Eligible).ToArray();
        if (eligible.Length == 0)
        {
            return new WorstCaseChoice(defense, candidates, null, []);
        }

        double best = eligible.Max(c => c.Worst!.Value.Mean);
        var top = eligible.Where(c => c.Worst!.Value.Mean == best).ToArray();
        return new WorstCaseChoice(defense, candidates, top[0], top[1..]);
    }

    private static WorstCaseCandidate Score(string? setting, StoredRun[] runs, string[] attacks, long[] seeds, CellMeasure measure)
    {
        var valid = runs.Where(measure.Readable).ToArray();
        var missing = attacks
            .SelectMany(a => seeds.Where(s => !valid.Any(r => r.Attack == a && r.Seed == s)).Select(s => string.Create(CultureInfo.InvariantCulture, $"{a} (seed {s})")))
            .ToArray();
        if (missing.Length > 0)
        {
            return new WorstCaseCandidate(setting, missing, [], null, []);
        }

        var cells = attacks.Select(a => valid.Where(r => r.Attack == a).ToArray()).ToArray();
        var stats = cells.Select(measure.Of).ToArray();
        double worst = stats.Min(s => s.Stats.Mean);
        var worstIndices = Enumerable.Range(0, attacks.Length).Where(i => stats[i].Stats.Mean == worst).ToArray();
        return new WorstCaseCandidate(setting, [], worstIndices.Select(i => attacks[i]).ToArray(), stats[worstIndices[0]].Stats, cells[worstIndices[0]])
        {
            Round = stats[worstIndices[0]].Round,
        };
    }
}
