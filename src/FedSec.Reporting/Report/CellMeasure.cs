using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>How <see cref="WorstCaseSelection"/> reads a run and a cell (the runs of one attack, one per seed) for a <see cref="WorstCaseMeasure"/>.</summary>
/// <param name="Measure">The measure.</param>
/// <param name="RoundsOf">Every run's rounds by run key (read by <see cref="WorstCaseMeasure.BestRound"/>).</param>
internal sealed record CellMeasure(WorstCaseMeasure Measure, IReadOnlyDictionary<string, IReadOnlyList<StoredRound>> RoundsOf)
{
    /// <summary>Whether the run has what the measure reads: a finite final accuracy, or a finite evaluated round.</summary>
    public bool Readable(StoredRun run) => Measure == WorstCaseMeasure.FinalRound
        ? run.FinalAccuracy is { } a && double.IsFinite(a)
        : SeedMeanCurve.Evaluated(RoundsOf.GetValueOrDefault(run.RunKey)).Length > 0;

    /// <summary>The cell's mean ± std over its runs, and for the best-round measure the round it was read at.</summary>
    public (MeanStd Stats, int? Round) Of(StoredRun[] cell)
    {
        if (Measure == WorstCaseMeasure.FinalRound)
        {
            return (MeanStd.Of(cell.Select(r => r.FinalAccuracy!.Value))!.Value, null);
        }

        var (stats, round) = SeedMeanCurve.Best(cell, RoundsOf)!.Value;
        return (stats, round);
    }
}
