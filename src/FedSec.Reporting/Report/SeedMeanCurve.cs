using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>
/// The highest point of the seed-mean test-accuracy curve of a cell's runs, as ByzFL's benchmark scores a run setting
/// (<c>byzfl/benchmark/evaluate_results.py</c>: the maximum over evaluation steps of the accuracy averaged over seeds).
/// The curve has a point at each round some run was evaluated at; there each run counts with its latest evaluated
/// accuracy up to that round, so a run that diverged or stopped early holds its last value (as everywhere in the
/// report), and a round before a run's first evaluation has no point. Ties go to the earliest round. Pure.
/// </summary>
internal static class SeedMeanCurve
{
    /// <summary>
    /// The statistics over the runs at the curve's highest point and that round (zero-based); null when some run has
    /// no finite evaluated accuracy.
    /// </summary>
    /// <param name="cell">The runs (one per seed).</param>
    /// <param name="roundsOf">Each run's rounds by run key.</param>
    public static (MeanStd Stats, int Round)? Best(IReadOnlyList<StoredRun> cell, IReadOnlyDictionary<string, IReadOnlyList<StoredRound>> roundsOf)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(roundsOf);
        var curves = cell.Select(r => Evaluated(roundsOf.GetValueOrDefault(r.RunKey))).ToArray();
        if (curves.Length == 0 || curves.Any(c => c.Length == 0))
        {
            return null;
        }

        // One pass over the rounds in order: each run's position is its latest evaluated round so far.
        int first = curves.Max(c => c[0].Round);
        var at = new int[curves.Length];
        (MeanStd Stats, int Round)? best = null;
        foreach (int round in curves.SelectMany(c => c.Select(p => p.Round)).Where(r => r >= first).Distinct().Order())
        {
            for (int i = 0; i < curves.Length; i++)
            {
                while (at[i] + 1 < curves[i].Length && curves[i][at[i] + 1].Round <= round)
                {
                    at[i]++;
                }
            }

            var stats = MeanStd.Of(curves.Select((c, i) => c[at[i]].Accuracy))!.Value;
            if (best is null || stats.Mean > best.Value.Stats.Mean)
            {
                best = (stats, round);
            }
        }

        return best;
    }

    /// <summary>A run's evaluated rounds with a finite accuracy, in round order.</summary>
    internal static (int Round, double Accuracy)[] Evaluated(IReadOnlyList<StoredRound>? rounds) =>
        rounds is null
            ? []
            : rounds.Where(r => r.Accuracy is { } a && double.IsFinite(a)).OrderBy(r => r.Round).Select(r => (r.Round, r.Accuracy!.Value)).ToArray();
}
