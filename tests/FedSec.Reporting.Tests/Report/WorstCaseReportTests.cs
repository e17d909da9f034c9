using FedSec.Reporting.Report;

namespace FedSec.Reporting.Tests.Report;

/// <summary><c>fedsec report</c>'s worst-case section: the table and the heatmap, defense × fraction of attackers.</summary>
public sealed class WorstCaseReportTests
{
    private static TempDirectory Report()
    {
        var tmp = new TempDirectory();
        TunedGrid.Build(tmp.Path, WorstCaseSelectionTests.Grid());
        ReportWriter.Write(tmp.Path);
        return tmp;
    }

    [Fact]
    public void Write_TunedGrid_TableRowPerDefenseAndFractionWithChoiceAttackAndTies()
    {
        using var tmp = Report();

        var rows = HtmlTables.Rows(File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), "worst-case");

        Assert.Equal(["defense", "malicious", "worst-case accuracy", "worst attack", "chosen setting", "complete settings"], rows[0]);
        Assert.Equal(
            [
                ["none", "10%", "–", "–", "–", "0 of 1"],
                ["none", "20%", "11.00 ± 1.41", "alie", "(not tuned)", "1 of 1"],
                ["cclip", "10%", "60.00 ± 0.00", "alie", "tau=1 (tied: tau=10)", "2 of 2"],
                ["krum", "10%", "55.00 ± 7.07", "alie (tied: ipm)", "(not tuned)", "1 of 1"],
                ["trimmed", "10%", "77.00 ± 1.41", "alie", "beta=0.2", "2 of 3"],
                ["trimmed", "20%", "50.00 ± 14.14 †", "ipm", "beta=0.1", "2 of 2"],
            ],
            rows[1..]);
    }

    [Fact]
    public void Write_TunedGrid_ByzFLsBestRoundTable_SameChoicesOnOneRoundRuns_WithTheRound()
    {
        // One-round runs: the curve's highest point is the final round, so ByzFL's table has the same numbers, at round 1.
        using var tmp = Report();

        var rows = HtmlTables.Rows(File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), "worst-case-best-round");

        Assert.Equal(["defense", "malicious", "worst-case accuracy", "at round", "worst attack", "chosen setting", "complete settings"], rows[0]);
        Assert.Equal(["none", "10%", "–", "–", "–", "–", "0 of 1"], rows[1]);
        Assert.Equal(["trimmed", "20%", "50.00 ± 14.14 †", "1", "ipm", "beta=0.1", "2 of 2"], rows[^1]);
    }

    [Fact]
    public void Write_AFacetWithNoEligibleSetting_ByzFLsTableKeepsItsRoundColumn()
    {
        using var tmp = new TempDirectory();
        TunedGrid.Run[] lacking =
        [
            new("alie", "trimmed", "beta=0.1", 0, 0.8, "30%"),
            new("ipm", "trimmed", "beta=0.1", 1, 0.8, "30%"),
        ];
        TunedGrid.Build(tmp.Path, WorstCaseSelectionTests.Grid().Concat(lacking));
        ReportWriter.Write(tmp.Path);

        var rows = HtmlTables.Rows(File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), "worst-case-best-round");

        Assert.All(rows, r => Assert.Equal(7, r.Length));
        Assert.Contains(["trimmed", "30%", "–", "–", "–", "–", "0 of 1"], rows);
    }

    [Fact]
    public void Write_TunedGrid_FootnotesNameDivergedAndIneligibleSettings()
    {
        using var tmp = Report();

        string md = File.ReadAllText(Path.Combine(tmp.Path, "report", "report.md"));

        Assert.Contains("trimmed(beta=0.1) × ipm: 1 of 2 seeds diverged (in round 1).", md, StringComparison.Ordinal);
        Assert.Contains("trimmed(beta=0.3), 10%: no finished run for ipm (seed 1); not eligible.", md, StringComparison.Ordinal);
        Assert.Contains("none, 10%: no finished run for ipm (seed 1); not eligible.", md, StringComparison.Ordinal);
        Assert.Contains("| trimmed | 10% | 77.00 ± 1.41 | alie | beta=0.2 | 2 of 3 |\n", md, StringComparison.Ordinal);
        Assert.StartsWith("## Worst case over attacks", md.Split('\n').First(l => l.StartsWith("## ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TunedGrid_HeatmapDefenseByFractionAnnotatedWithTheWorstCase()
    {
        using var tmp = Report();

        string plots = Path.Combine(tmp.Path, "report", "plots");
        Assert.True(File.Exists(Path.Combine(plots, WorstCaseSection.FigureName + ".png")));
        var texts = SvgText.Texts(File.ReadAllText(Path.Combine(plots, WorstCaseSection.FigureName + ".svg")));

        foreach (string t in new[] { "10%", "20%", "malicious", "defense", "cclip", "krum", "trimmed", "77.00 ± 1.41", "50.00 ± 14.14 †", "60.00 ± 0.00", "incomplete", "not run", "alie", "ipm" })
        {
            Assert.Contains(t, texts);
        }
    }

    [Fact]
    public void Write_OnlyTheTunedDefenseByName_KeepsEveryCandidate()
    {
        using var tmp = new TempDirectory();
        TunedGrid.Build(tmp.Path, WorstCaseSelectionTests.Grid());

        ReportWriter.Write(tmp.Path, filter: RunFilter.Parse(["defense=trimmed"]));

        var rows = HtmlTables.Rows(File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), "worst-case");
        Assert.Equal([["trimmed", "10%", "77.00 ± 1.41", "alie", "beta=0.2", "2 of 3"], ["trimmed", "20%", "50.00 ± 14.14 †", "ipm", "beta=0.1", "2 of 2"]], rows[1..]);
    }

    [Fact]
    public void Write_OneFacetWithoutTuning_HasNoWorstCaseSection()
    {
        using var tmp = new TempDirectory();
        using (SyntheticGrid.Build(tmp.Path, ["none", "backdoor"], ["none", "krum"], 2))
        {
        }

        ReportWriter.Write(tmp.Path);

        Assert.DoesNotContain("worst-case", File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tmp.Path, "report", "plots", WorstCaseSection.FigureName + ".png")));
    }

    [Fact]
    public void Write_TwoFacetsWithoutTuning_HasNoWorstCaseSection()
    {
        using var tmp = new TempDirectory();
        using (SyntheticGrid.Build(tmp.Path, ["none", "backdoor"], ["none", "krum"], 2, new Dictionary<string, string> { ["malicious"] = "1" }))
        using (SyntheticGrid.Build(tmp.Path, ["none", "backdoor"], ["none", "krum"], 2, new Dictionary<string, string> { ["malicious"] = "2" }, keyOffset: 100))
        {
        }

        ReportWriter.Write(tmp.Path);

        Assert.DoesNotContain("worst-case", File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FacetsWithDifferentAttacks_FootnoteListsEachColumnsAttacks()
    {
        using var tmp = new TempDirectory();
        TunedGrid.Build(tmp.Path, [
            new("backdoor", "krum", "m=1", 0, 0.5, "1"), new("alie", "krum", "m=1", 0, 0.6, "1"),
            new("alie", "krum", "m=1", 0, 0.4, "2"), new("none", "krum", "m=1", 0, 0.9, "3")]);

        ReportWriter.Write(tmp.Path);

        string md = File.ReadAllText(Path.Combine(tmp.Path, "report", "report.md"));
        Assert.Contains("The attacks differ between the columns, and each worst case is over its own column's: 1: alie, backdoor; 2: alie; 3: none.", md, StringComparison.Ordinal);
        Assert.Contains("| krum | 1 | 50.00 | backdoor | m=1 | 1 of 1 |\n", md, StringComparison.Ordinal);
        var texts = SvgText.Texts(File.ReadAllText(Path.Combine(tmp.Path, "report", "plots", WorstCaseSection.FigureName + ".svg")));
        Assert.Equal("no attack", Assert.Single(texts, t => t is "no attack" or "not run"));
    }
}
