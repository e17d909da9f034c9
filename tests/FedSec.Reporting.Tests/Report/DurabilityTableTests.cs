using FedSec.Reporting.Report;
using FedSec.Results.Database;
using static FedSec.Reporting.Tests.Report.DurabilityRuns;

namespace FedSec.Reporting.Tests.Report;

public sealed class DurabilityTableTests
{
    [Fact]
    public void Of_AsrFallsBelowHalfTwoRoundsAfterStop_LifespanTwoAndAsrAtStopAndEnd()
    {
        // Attack active in rounds 0-2; ASR 0.9 at round 2, then 0.7, 0.4 (below 50 % two rounds after), 0.6.
        var d = BackdoorDurability.Of(Rounds("r", 2, 0.1, 0.5, 0.9, 0.7, 0.4, 0.6))!;

        Assert.Equal(0.9, d.AtStop);
        Assert.Equal(0.6, d.AtEnd);
        Assert.Equal(3, d.RoundsAfter);
        Assert.Equal(2, d.Lifespan);
        Assert.False(d.Censored);
    }

    [Fact]
    public void Of_AsrBelowHalfAlreadyAtTheStop_LifespanZero()
    {
        // A backdoor at 40 % when the attack stops never lived by the 50 % measure, even though it stays at 45 % and 30 %.
        var d = BackdoorDurability.Of(Rounds("r", 1, 0.2, 0.4, 0.45, 0.3))!;

        Assert.Equal(0, d.Lifespan);
        Assert.False(d.Censored);
        Assert.Equal(0.3, d.AtEnd);
    }

    [Fact]
    public void Of_AsrNeverFalls_LifespanCensoredAtTheObservedRounds()
    {
        var d = BackdoorDurability.Of(Rounds("r", 1, 0.8, 0.95, 0.9, 0.85, 0.5))!;

        Assert.Equal(3, d.RoundsAfter);
        Assert.Equal(3, d.Lifespan);
        Assert.True(d.Censored);
    }

    [Fact]
    public void Of_AsrNotEvaluatedEveryRound_UsesTheEvaluatedRoundsOnly()
    {
        // Evaluated every other round: the first evaluation below 50 % is round 5, three rounds after the stop at 2.
        var d = BackdoorDurability.Of(Rounds("r", 2, null, 0.6, 0.9, null, 0.7, 0.2))!;

        Assert.Equal(3, d.Lifespan);
        Assert.Equal(0.2, d.AtEnd);
    }

    [Fact]
    public void Of_RunsWithoutAStopBeforeTheEnd_AreNotMeasured()
    {
        Assert.Null(BackdoorDurability.Of(Rounds("r", 5, 0.1, 0.2, 0.3)));            // active to the end
        Assert.Null(BackdoorDurability.Of(Rounds("r", -1, 0.1, 0.2, 0.3)));           // never active
        Assert.Null(BackdoorDurability.Of(Rounds("r", 1, 0.1, null, 0.3)));           // no ASR at the stop
        Assert.Null(BackdoorDurability.Of(Rounds("r", 1, 0.1, 0.9, null)));           // none evaluated after it
        Assert.Null(BackdoorDurability.Of(Rounds("r", 1, null, null, null, null)));   // no ASR at all
    }

    [Fact]
    public void For_TwoSeeds_MeanStdPerDefenseAndAttackAndCensoredLifespanMarked()
    {
        var runs = new[]
        {
            Run("a0", "backdoor", "none", 0), Run("a1", "backdoor", "none", 1),
            Run("b0", "neurotoxin", "flame", 0), Run("c0", "none", "none", 0),
        };
        var rounds = Rounds("a0", 1, 0.5, 1.0, 0.4, 0.2)                 // lifespan 1, at stop 100 %, at end 20 %
            .Concat(Rounds("a1", 1, 0.5, 0.8, 0.6, 0.3))                  // lifespan 2, at stop 80 %, at end 30 %
            .Concat(Rounds("b0", 1, 0.5, 0.9, 0.9, 0.9))                  // never falls: ≥ 2
            .Concat(Rounds("c0", -1, null, null, null, null))
            .ToArray();
        var results = new StoredResults(runs, rounds, [], [], []);

        var (facet, measured) = Measure(runs, results);
        var table = DurabilityTable.For(facet, measured, "d")!;

        Assert.Equal(["defense", "attack", "ASR at stop", "ASR k rounds later", "k", "lifespan (rounds)", "runs"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["none", "backdoor", "90.00 ± 14.14", "25.00 ± 7.07", "2", "1.5 ± 0.7", "2"], table.Rows[0].Select(c => c.Text));
        Assert.Equal(["flame", "neurotoxin", "90.00", "90.00", "2", "≥ 2.0", "1"], table.Rows[1].Select(c => c.Text));
    }

    [Fact]
    public void For_NoRunStopsAttackingBeforeItsEnd_NoTable()
    {
        var runs = new[] { Run("a0", "backdoor", "none", 0) };
        var results = new StoredResults(runs, Rounds("a0", 5, 0.5, 0.9), [], [], []);

        var (facet, measured) = Measure(runs, results);
        Assert.Null(DurabilityTable.For(facet, measured, "d"));
    }
}
