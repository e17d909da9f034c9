namespace FedSec.Reporting.Report;

/// <summary>Which accuracy of a run the worst case over attacks reads (<see cref="WorstCaseSelection"/>).</summary>
internal enum WorstCaseMeasure
{
    /// <summary>The final accuracy of each run; a cell is the mean ± std over seeds of it. FedSec's headline measure.</summary>
    FinalRound,

    /// <summary>
    /// ByzFL's: the highest point of the seed-mean accuracy curve (<see cref="SeedMeanCurve"/>); a cell is the mean ±
    /// std over seeds at that round.
    /// </summary>
    BestRound,
}
