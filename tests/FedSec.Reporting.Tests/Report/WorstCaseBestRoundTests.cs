using FedSec.Reporting.Report;
using FedSec.Results.Database;
using static FedSec.Reporting.Tests.Report.CurveRuns;

namespace FedSec.Reporting.Tests.Report;

/// <summary>
/// The worst case over attacks read as ByzFL reads it (<see cref="WorstCaseMeasure.BestRound"/>): a setting that loses
/// the model late is scored by what it held before, and the choice of setting can differ from the final-round one.
/// </summary>
public sealed class WorstCaseBestRoundTests
{
    // cclip tau=10: alie peaks at 0.9 (round 1) and collapses to 0.1; ipm stays at 0.8 → final worst 0.1, best worst 0.8.
    // cclip tau=1: alie and ipm hold 0.5 → final worst 0.5, best worst 0.5.
    private static readonly (string Attack, string Tune, double?[] Curve)[] Cells =
    [
        ("alie", "tau=10", [0.6, 0.9, 0.1]),
        ("ipm", "tau=10", [0.7, 0.8, 0.8]),
        ("alie", "tau=1", [0.5, 0.5, 0.5]),
        ("ipm", "tau=1", [0.5, 0.5, 0.5]),
        ("none", "tau=1", [0.9, 0.9, 0.9]),
        ("none", "tau=10", [0.9, 0.9, 0.9]),
    ];

    private static (StoredRun[] Runs, IReadOnlyDictionary<string, IReadOnlyList<StoredRound>> Rounds) Grid()
    {
        var pairs = Cells.SelectMany(c => new[] { 0L, 1L }.Select(seed => (Run: Run(c.Attack, "cclip", c.Tune, seed, c.Curve), c.Curve))).ToArray();
        return (pairs.Select(p => p.Run).ToArray(), Rounds(pairs));
    }

    [Fact]
    public void Select_FinalRound_ChoosesTheSettingThatHoldsToTheEnd()
    {
        var (runs, _) = Grid();

        var choice = Assert.Single(WorstCaseSelection.Select(runs));

        Assert.Equal("tau=1", choice.Chosen!.Setting);
        Assert.Equal(0.5, choice.Chosen.Worst!.Value.Mean, 12);
        Assert.Null(choice.Chosen.Round);
    }

    [Fact]
    public void Select_BestRound_ScoresEachAttackByItsCurvesPeak_AndChoosesTheSettingByThat()
    {
        var (runs, rounds) = Grid();

        var choice = Assert.Single(WorstCaseSelection.Select(runs, WorstCaseMeasure.BestRound, rounds));

        Assert.Equal("tau=10", choice.Chosen!.Setting);
        Assert.Equal(["ipm"], choice.Chosen.WorstAttacks);
        Assert.Equal(0.8, choice.Chosen.Worst!.Value.Mean, 12);
        Assert.Equal(1, choice.Chosen.Round);
        Assert.Equal(0.5, choice.Candidates.Single(c => c.Setting == "tau=1").Worst!.Value.Mean, 12);
    }

    [Fact]
    public void Select_BestRoundWithoutRounds_Refused()
    {
        var (runs, _) = Grid();

        Assert.Throws<ArgumentNullException>(() => WorstCaseSelection.Select(runs, WorstCaseMeasure.BestRound, null));
    }

    [Fact]
    public void Select_BestRound_ARunWithoutRounds_MakesItsSettingIneligible()
    {
        var (runs, rounds) = Grid();
        var lacking = rounds.Where(kv => kv.Key != runs[0].RunKey).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

        var choice = Assert.Single(WorstCaseSelection.Select(runs, WorstCaseMeasure.BestRound, lacking));

        Assert.Equal(["alie (seed 0)"], choice.Candidates.Single(c => c.Setting == "tau=10").Missing);
        Assert.Equal("tau=1", choice.Chosen!.Setting);
    }
}
