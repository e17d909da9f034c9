using FedSec.Reporting.Report;
using FedSec.Results.Database;
using Run = FedSec.Reporting.Tests.TunedGrid.Run;

namespace FedSec.Reporting.Tests.Report;

/// <summary>
/// Worst case over attacks with tuned hyper-parameters, on a database built here with hand-chosen final accuracies
/// (attacks alie and ipm, seeds 0 and 1, at malicious=10% and 20%).
/// </summary>
public sealed class WorstCaseSelectionTests
{
    /// <summary>The hand-computed grid; the comments give each setting's seed means.</summary>
    internal static IEnumerable<Run> Grid()
    {
        IEnumerable<Run> Cell(string attack, string defense, string? tune, string malicious, params double[] bySeed) =>
            bySeed.Select((a, s) => new Run(attack, defense, tune, s, a, malicious));

        foreach (var m in new[] { "10%", "20%" })
        {
            // No attack: high accuracies that must not count in a worst case.
            foreach (var (d, t) in new[] { ("trimmed", "beta=0.1"), ("trimmed", "beta=0.2"), ("none", null) })
            {
                foreach (var r in Cell("none", d, t, m, 0.95, 0.97))
                {
                    yield return r;
                }
            }
        }

        var runs = new[]
        {
            // 10 %. trimmed beta=0.1: alie 0.82, ipm 0.72 → worst ipm 72.00 ± 2.83.
            Cell("alie", "trimmed", "beta=0.1", "10%", 0.80, 0.84), Cell("ipm", "trimmed", "beta=0.1", "10%", 0.70, 0.74),
            // beta=0.2: alie 0.77, ipm 0.90 → worst alie 77.00 ± 1.41: chosen.
            Cell("alie", "trimmed", "beta=0.2", "10%", 0.76, 0.78), Cell("ipm", "trimmed", "beta=0.2", "10%", 0.90, 0.90),
            // beta=0.3 would be best (0.99) but has no ipm run for seed 1: not eligible.
            Cell("alie", "trimmed", "beta=0.3", "10%", 0.99, 0.99), Cell("ipm", "trimmed", "beta=0.3", "10%", 0.99),
            // krum (not tuned): alie 0.55 = ipm 0.55, a tie between attacks: alie named, 55.00 ± 7.07.
            Cell("alie", "krum", null, "10%", 0.50, 0.60), Cell("ipm", "krum", null, "10%", 0.55, 0.55),
            // cclip: tau=1 and tau=10 both have worst case 0.60: tau=1 chosen (first in order), tau=10 listed.
            Cell("alie", "cclip", "tau=1", "10%", 0.60, 0.60), Cell("ipm", "cclip", "tau=1", "10%", 0.70, 0.70),
            Cell("alie", "cclip", "tau=10", "10%", 0.80, 0.80), Cell("ipm", "cclip", "tau=10", "10%", 0.62, 0.58),
            // No defense: ipm seed 1 missing, so no worst case at all.
            Cell("alie", "none", null, "10%", 0.30, 0.30), Cell("ipm", "none", null, "10%", 0.20),
            // 20 %. beta=0.1: alie 0.60, ipm 0.50 (seed 1 diverged at 0.60) → 50.00 ± 14.14 †: chosen.
            Cell("alie", "trimmed", "beta=0.1", "20%", 0.60, 0.60),
            [new Run("ipm", "trimmed", "beta=0.1", 0, 0.40, "20%"), new Run("ipm", "trimmed", "beta=0.1", 1, 0.60, "20%", Diverged: true)],
            // beta=0.2: alie 0.45 → worse.
            Cell("alie", "trimmed", "beta=0.2", "20%", 0.45, 0.45), Cell("ipm", "trimmed", "beta=0.2", "20%", 0.90, 0.90),
            Cell("alie", "none", null, "20%", 0.10, 0.12), Cell("ipm", "none", null, "20%", 0.20, 0.20),
        };
        foreach (var r in runs.SelectMany(c => c))
        {
            yield return r;
        }
    }

    private static IReadOnlyList<WorstCaseChoice> Select(string malicious)
    {
        using var tmp = new TempDirectory();
        TunedGrid.Build(tmp.Path, Grid());
        using var db = ResultsDatabase.Open(Path.Combine(tmp.Path, ResultsDatabase.FileName));
        return WorstCaseSelection.Select(db.Read().Runs.Where(r => r.Axes["malicious"] == malicious).ToArray());
    }

    [Fact]
    public void Select_TunedDefense_ChoosesTheSettingWithTheHighestWorstCase()
    {
        var trimmed = Select("10%").Single(c => c.Defense == "trimmed");

        Assert.Equal(["beta=0.1", "beta=0.2", "beta=0.3"], trimmed.Candidates.Select(c => c.Setting));
        Assert.Equal(0.72, trimmed.Candidates[0].Worst!.Value.Mean, 12);
        Assert.Equal(["ipm"], trimmed.Candidates[0].WorstAttacks);
        Assert.Equal("beta=0.2", trimmed.Chosen!.Setting);
        Assert.Equal(["alie"], trimmed.Chosen.WorstAttacks);
        Assert.Equal(0.77, trimmed.Chosen.Worst!.Value.Mean, 12);
        Assert.Equal(Math.Sqrt(2) / 100, trimmed.Chosen.Worst.Value.Std!.Value, 12);
        Assert.Equal(2, trimmed.Chosen.Worst.Value.Count);
        Assert.Empty(trimmed.Tied);
    }

    [Fact]
    public void Select_SettingMissingARun_IsNotEligibleEvenIfItsRunsAreBetter()
    {
        var beta3 = Select("10%").Single(c => c.Defense == "trimmed").Candidates.Single(c => c.Setting == "beta=0.3");

        Assert.False(beta3.Eligible);
        Assert.Equal(["ipm (seed 1)"], beta3.Missing);
        Assert.Null(beta3.Worst);
    }

    [Fact]
    public void Select_NoEligibleSetting_NoWorstCase()
    {
        var none = Select("10%").Single(c => c.Defense == "none");

        Assert.Null(none.Chosen);
        Assert.Equal(["ipm (seed 1)"], Assert.Single(none.Candidates).Missing);
    }

    [Fact]
    public void Select_TieBetweenAttacks_NamesTheFirstAndKeepsItsSeeds()
    {
        var krum = Select("10%").Single(c => c.Defense == "krum");

        Assert.Null(krum.Chosen!.Setting);
        Assert.Equal(["alie", "ipm"], krum.Chosen.WorstAttacks);
        Assert.Equal(0.55, krum.Chosen.Worst!.Value.Mean, 12);
        Assert.Equal(0.1 / Math.Sqrt(2), krum.Chosen.Worst.Value.Std!.Value, 12);
    }

    [Fact]
    public void Select_TieBetweenSettings_ChoosesTheFirstAndListsTheOthers()
    {
        var cclip = Select("10%").Single(c => c.Defense == "cclip");

        Assert.Equal("tau=1", cclip.Chosen!.Setting);
        Assert.Equal(["alie"], cclip.Chosen.WorstAttacks);
        Assert.Equal("tau=10", Assert.Single(cclip.Tied).Setting);
        Assert.Equal(["ipm"], cclip.Tied[0].WorstAttacks);
    }

    [Fact]
    public void Select_EachFractionOfAttackers_TunedOnItsOwn()
    {
        var trimmed = Select("20%").Single(c => c.Defense == "trimmed");

        Assert.Equal("beta=0.1", trimmed.Chosen!.Setting);
        Assert.Equal(0.50, trimmed.Chosen.Worst!.Value.Mean, 12);
        Assert.Contains(trimmed.Chosen.WorstRuns, r => r.Status == FedSec.Simulation.RunStatus.Diverged);
        Assert.DoesNotContain(Select("20%"), c => c.Defense == "krum");
    }

    [Fact]
    public void Select_NoAttackButNone_NothingToChoose()
    {
        using var tmp = new TempDirectory();
        TunedGrid.Build(tmp.Path, [new Run("none", "krum", null, 0, 0.9)]);
        using var db = ResultsDatabase.Open(Path.Combine(tmp.Path, ResultsDatabase.FileName));

        Assert.Empty(WorstCaseSelection.Select(db.Read().Runs));
    }

    /// <summary>
    /// Property, on random complete grids: the chosen worst case is no lower than any setting's worst case, and each
    /// setting's worst case is no higher than its seed mean under any attack; the worst attack attains it.
    /// </summary>
    [Fact]
    public void Select_RandomCompleteGrids_ChosenIsTheMaxOverSettingsOfTheMinOverAttacks()
    {
        var random = new Random(14);
        for (int trial = 0; trial < 20; trial++)
        {
            string[] attacks = ["a", "b", "c"];
            string[] settings = ["m=1", "m=2", "m=3", "m=4"];
            // Accuracies on a coarse grid, so ties happen.
            var runs = (from a in attacks from t in settings from s in Enumerable.Range(0, 3) select new Run(a, "d", t, s, random.Next(0, 5) / 4.0)).ToArray();
            using var tmp = new TempDirectory();
            TunedGrid.Build(tmp.Path, runs);
            using var db = ResultsDatabase.Open(Path.Combine(tmp.Path, ResultsDatabase.FileName));

            var choice = Assert.Single(WorstCaseSelection.Select(db.Read().Runs));

            double Mean(string a, string t) => runs.Where(r => r.Attack == a && r.Tune == t).Average(r => r.Accuracy);
            double expected = settings.Max(t => attacks.Min(a => Mean(a, t)));
            Assert.Equal(expected, choice.Chosen!.Worst!.Value.Mean, 12);
            Assert.Equal(expected, Mean(choice.Chosen.WorstAttacks[0], choice.Chosen.Setting!), 12);
            Assert.Equal(settings.First(t => Math.Abs(attacks.Min(a => Mean(a, t)) - expected) < 1e-12), choice.Chosen.Setting);
            Assert.All(choice.Candidates, c => Assert.True(c.Worst!.Value.Mean <= expected + 1e-12));
        }
    }
}
