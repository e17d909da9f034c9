using FedSec.Reporting.Report;
using static FedSec.Reporting.Tests.Report.CurveRuns;

namespace FedSec.Reporting.Tests.Report;

/// <summary><see cref="SeedMeanCurve"/>: the highest point of the seed-mean accuracy curve, hand-computed.</summary>
public sealed class SeedMeanCurveTests
{
    [Fact]
    public void Best_TwoSeeds_HighestMeanRound_EarliestOnATie_WithTheSeedsStatisticsThere()
    {
        // Means per round: 0.60, 0.75, 0.75 → round 1 (the earlier of the tie), seeds 0.9 and 0.6 there.
        double?[] a = [0.5, 0.9, 0.7], b = [0.7, 0.6, 0.8];
        var (ra, rb) = (Run("alie", "krum", null, 0, a), Run("alie", "krum", null, 1, b));

        var (stats, round) = SeedMeanCurve.Best([ra, rb], Rounds((ra, a), (rb, b)))!.Value;

        Assert.Equal(1, round);
        Assert.Equal(0.75, stats.Mean, 12);
        Assert.Equal(0.3 / Math.Sqrt(2), stats.Std!.Value, 12);
    }

    [Fact]
    public void Best_ARunThatStoppedEarly_HoldsItsLastValueInTheLaterRounds()
    {
        // a diverged after round 1 at 0.95; b goes on: means 0.35, 0.625, (0.95 + 0.99) / 2 = 0.97 at round 2.
        double?[] a = [0.5, 0.95], b = [0.2, 0.3, 0.99];
        var (ra, rb) = (Run("ipm", "krum", null, 0, a), Run("ipm", "krum", null, 1, b));

        var (stats, round) = SeedMeanCurve.Best([ra, rb], Rounds((ra, a), (rb, b)))!.Value;

        Assert.Equal(2, round);
        Assert.Equal(0.97, stats.Mean, 12);
    }

    [Fact]
    public void Best_RoundsNotEvaluated_CarryTheLatestEvaluation_AndNoPointBeforeEveryRunWasEvaluated()
    {
        // a is evaluated at rounds 1 and 3, b at 0, 2 and 3. Points from round 1 (a's first): round 1 (0.4 + 0.8) / 2
        // = 0.6, round 2 (0.4 + 0.9) / 2 = 0.65, round 3 (0.5 + 0.5) / 2 = 0.5. Round 0 (b alone, 0.99) is no point.
        double?[] a = [null, 0.4, null, 0.5], b = [0.99, 0.8, 0.9, 0.5];
        var (ra, rb) = (Run("alie", "rfa", null, 0, a), Run("alie", "rfa", null, 1, b));

        var (stats, round) = SeedMeanCurve.Best([ra, rb], Rounds((ra, a), (rb, b)))!.Value;

        Assert.Equal(2, round);
        Assert.Equal(0.65, stats.Mean, 12);
    }

    [Fact]
    public void Best_ARunWithoutAFiniteAccuracy_Null()
    {
        double?[] a = [0.5], b = [double.NaN];
        var (ra, rb) = (Run("alie", "rfa", null, 0, a), Run("alie", "rfa", null, 1, b));

        Assert.Null(SeedMeanCurve.Best([ra, rb], Rounds((ra, a), (rb, b))));
        Assert.Null(SeedMeanCurve.Best([ra], Rounds((rb, b))));
    }
}
