using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>
/// One hyper-parameter setting of one defense in one facet, scored by its worst case over the facet's attacks
/// (<see cref="WorstCaseSelection"/>).
/// </summary>
/// <param name="Setting">The tuned values (the run's <c>tune</c> axis, e.g. <c>beta=0.1</c>); null for an untuned defense.</param>
/// <param name="Missing">The (attack, seed) pairs of the facet without a finished run with a final accuracy, e.g.
/// <c>alie (seed 2)</c>; a setting with any is not eligible (its worst case is unknown).</param>
/// <param name="WorstAttacks">The attacks whose seed-mean final accuracy is the lowest, in report order (the first is named
/// as the worst; more than one on a tie); empty when the setting is not eligible.</param>
/// <param name="Worst">Mean ± std over seeds of the final accuracy under the first worst attack; null when not eligible.</param>
/// <param name="WorstRuns">The runs behind <paramref name="Worst"/> (to mark diverged ones).</param>
internal sealed record WorstCaseCandidate(string? Setting, IReadOnlyList<string> Missing, IReadOnlyList<string> WorstAttacks, MeanStd? Worst, IReadOnlyList<StoredRun> WorstRuns)
{
    /// <summary>Whether every (attack, seed) of the facet has a run, so the worst case is known.</summary>
    public bool Eligible => Missing.Count == 0 && Worst is not null;

    /// <summary>
    /// With <see cref="WorstCaseMeasure.BestRound"/>, the round (zero-based) of the highest point of the worst attack's
    /// seed-mean curve; null for the final-round measure.
    /// </summary>
    public int? Round { get; init; }
}
