using System.Globalization;
using System.Text.RegularExpressions;
using FedSec.Reporting.Report;

namespace FedSec.Reporting.Tests.Report;

public sealed class ReportWriterTests
{
    private static readonly string[] Figures = ["fig4_accuracy_by_attack", "fig5_accuracy_by_defense", "fig6_accuracy_under_backdoor", "heatmap_final_accuracy", "asr_backdoor"];

    private static TempDirectory SmallGrid(int seeds = 2)
    {
        var tmp = new TempDirectory();
        using (SyntheticGrid.Build(tmp.Path, ["none", "backdoor"], ["none", "krum"], seeds))
        {
        }

        return tmp;
    }

    [Fact]
    public void Write_SmallGrid_WritesEachFigureAsPngAtTwiceTheSizeOfItsSvg()
    {
        using var tmp = SmallGrid();

        ReportWriter.Write(tmp.Path);

        string plots = Path.Combine(tmp.Path, "report", "plots");
        Assert.Equal(Figures.SelectMany(f => new[] { f + ".png", f + ".svg" }).Order(StringComparer.Ordinal), Directory.GetFiles(plots).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (string f in Figures)
        {
            var svg = SvgText.Parse(File.ReadAllText(Path.Combine(plots, f + ".svg")));
            Assert.True(svg.Descendants().Count() > 10, $"{f}.svg draws almost nothing.");
            var (width, height) = PngHeader.Size(Path.Combine(plots, f + ".png"));
            Assert.Equal((2 * int.Parse(svg.Attribute("width")!.Value, CultureInfo.InvariantCulture), 2 * int.Parse(svg.Attribute("height")!.Value, CultureInfo.InvariantCulture)), (width, height));
        }

        // Line charts with a short legend: 800 × 480, the PNG at twice that.
        Assert.All(Figures.Where(f => f != "heatmap_final_accuracy"), f => Assert.Equal((1600, 960), PngHeader.Size(Path.Combine(plots, f + ".png"))));
    }

    [Fact]
    public void Write_SmallGrid_SvgsHoldTheLegendsAndTheHeatmapCells()
    {
        using var tmp = SmallGrid();

        ReportWriter.Write(tmp.Path);

        string plots = Path.Combine(tmp.Path, "report", "plots");
        var under = SvgText.Texts(File.ReadAllText(Path.Combine(plots, "fig6_accuracy_under_backdoor.svg")));
        Assert.Contains("benign (no attack)", under);
        Assert.Contains("backdoor, no defense", under);
        Assert.Contains("krum", under);
        var heatmap = SvgText.Texts(File.ReadAllText(Path.Combine(plots, "heatmap_final_accuracy.svg")));
        Assert.Equal(2, heatmap.Count(t => t == "61.00 ± 1.41"));
        Assert.Contains("81.00 ± 1.41", heatmap);
        Assert.Contains("worst case", heatmap);
    }

    [Fact]
    public void Write_SmallGrid_EveryTableScrollsInItsOwnBoxAndPageIdsAreUnique()
    {
        using var tmp = SmallGrid();

        ReportWriter.Write(tmp.Path);

        string html = File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html"));
        int tables = Regex.Count(html, "<table ");
        Assert.True(tables >= 3);
        Assert.Equal(tables, Regex.Count(html, "<div class=\"table\">\n<table "));
        Assert.Contains("div.table { overflow-x: auto;", html, StringComparison.Ordinal);
        var ids = Regex.Matches(html, @"\bid=""([^""]+)""").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Write_TwoSeeds_HtmlHeatmapTableHoldsMeanAndSampleStdPerCellAndWorstCase()
    {
        using var tmp = SmallGrid();

        ReportWriter.Write(tmp.Path);

        var rows = HtmlTables.Rows(File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), "f1-accuracy");

        // Final accuracy = base + 0.2 + 0.02·seed: seeds 0 and 1 give base + 0.21 ± 0.02/√2 (1.41 points).
        Assert.Equal(["defense \\ attack", "none", "backdoor", "worst case"], rows[0]);
        Assert.Equal(["none", "91.00 ± 1.41", "61.00 ± 1.41", "61.00 ± 1.41 (backdoor)"], rows[1]);
        Assert.Equal(["krum", "89.00 ± 1.41", "81.00 ± 1.41", "81.00 ± 1.41 (backdoor)"], rows[2]);
    }

    [Fact]
    public void Write_TwoSeeds_MarkdownHoldsTheSameAccuracyTable()
    {
        using var tmp = SmallGrid();

        ReportWriter.Write(tmp.Path);

        var md = File.ReadAllLines(Path.Combine(tmp.Path, "report", "report.md"));
        Assert.Contains("| defense \\ attack | none | backdoor | worst case |", md);
        Assert.Contains("| none | 91.00 ± 1.41 | 61.00 ± 1.41 | 61.00 ± 1.41 (backdoor) |", md);
        Assert.Contains("| krum | 89.00 ± 1.41 | 81.00 ± 1.41 | 81.00 ± 1.41 (backdoor) |", md);
        Assert.Contains("![Final test accuracy (%), defense × attack, with the worst case over attacks.](plots/heatmap_final_accuracy.png)", md);
    }

    [Fact]
    public void Write_DetectionRuns_TablesPrecisionAndRecallOverSeedsPerAttack()
    {
        using var tmp = SmallGrid();

        ReportWriter.Write(tmp.Path);

        var rows = HtmlTables.Rows(File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), "f1-detection");

        // Seed 0: TP 1, FP 1, FN 1 → precision 1/2, recall 1/2; seed 1: TP 2, FP 1, FN 0 → 2/3 and 1.
        // Precision 0.5833 ± 0.1179, recall 0.75 ± 0.3536.
        Assert.Equal(["defense", "component", "attack", "precision", "recall", "runs"], rows[0]);
        Assert.Equal(["krum", "krum", "none", "0.583 ± 0.118", "0.750 ± 0.354", "2"], rows[1]);
        Assert.Equal(["krum", "krum", "backdoor", "0.583 ± 0.118", "0.750 ± 0.354", "2"], rows[2]);
    }

    [Fact]
    public void Write_BackdoorRuns_TablesFinalAttackSuccessRate()
    {
        using var tmp = SmallGrid();

        ReportWriter.Write(tmp.Path);

        var rows = HtmlTables.Rows(File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), "f1-asr");

        // Final ASR = 0.5 − 0.2 + 0.1·seed: 0.30 and 0.40 → 35.00 ± 7.07 %.
        Assert.Equal(["defense \\ attack", "backdoor"], rows[0]);
        Assert.Equal(["none", "35.00 ± 7.07"], rows[1]);
        Assert.Equal(["krum", "35.00 ± 7.07"], rows[2]);
    }

    [Fact]
    public void Write_DifferentialPrivacyRuns_TablesFinalEpsilon()
    {
        using var tmp = new TempDirectory();
        using (SyntheticGrid.Build(tmp.Path, ["none", "byzantine"], ["none", "dp"], 2))
        {
        }

        ReportWriter.Write(tmp.Path);

        var rows = HtmlTables.Rows(File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), "f1-epsilon");

        // Final ε = 0.5·3 + seed: 1.5 and 2.5 → 2.000 ± 0.707; runs without DP report none and get no row.
        Assert.Equal(["defense \\ attack", "none", "byzantine"], rows[0]);
        Assert.Equal(["dp", "2.000 ± 0.707", "2.000 ± 0.707"], rows[1]);
        Assert.Equal(2, rows.Length);
    }

    [Fact]
    public void Write_OneSeed_CellsHaveNoStd()
    {
        using var tmp = SmallGrid(seeds: 1);

        ReportWriter.Write(tmp.Path);

        var rows = HtmlTables.Rows(File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), "f1-accuracy");
        Assert.Equal(["krum", "88.00", "80.00", "80.00 (backdoor)"], rows[2]);
        Assert.DoesNotContain("±", File.ReadAllText(Path.Combine(tmp.Path, "report", "plots", "heatmap_final_accuracy.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NoBackdoorAndNoDefense_SkipsTheirFiguresAndTables()
    {
        using var tmp = new TempDirectory();
        using (SyntheticGrid.Build(tmp.Path, ["none", "byzantine"], ["none"], 2))
        {
        }

        ReportWriter.Write(tmp.Path);

        var files = Directory.GetFiles(Path.Combine(tmp.Path, "report", "plots")).Select(Path.GetFileNameWithoutExtension).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["fig4_accuracy_by_attack", "heatmap_final_accuracy"], files);
        string html = File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html"));
        Assert.DoesNotContain("f1-detection", html, StringComparison.Ordinal);
        Assert.DoesNotContain("f1-asr", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NumericFacetAxis_OrdersFacetsByValue()
    {
        using var tmp = new TempDirectory();
        int offset = 0;
        foreach (string epsilon in new[] { "16", "2", "0.5" })
        {
            using (SyntheticGrid.Build(tmp.Path, ["none"], ["none"], 1, new Dictionary<string, string> { ["epsilon"] = epsilon }, keyOffset: offset))
            {
            }

            offset += 100;
        }

        ReportWriter.Write(tmp.Path);

        var sections = File.ReadAllLines(Path.Combine(tmp.Path, "report", "report.md")).Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["## epsilon=0.5", "## epsilon=2", "## epsilon=16"], sections);
    }

    [Fact]
    public void Write_TwoFacets_WritesOneSetOfFiguresAndTablesPerFacet()
    {
        using var tmp = new TempDirectory();
        using (SyntheticGrid.Build(tmp.Path, ["none", "backdoor"], ["none", "krum"], 2, new Dictionary<string, string> { ["malicious"] = "1" }))
        using (SyntheticGrid.Build(tmp.Path, ["none", "backdoor"], ["none", "krum"], 2, new Dictionary<string, string> { ["malicious"] = "2" }, keyOffset: 100))
        {
        }

        ReportWriter.Write(tmp.Path);

        string plots = Path.Combine(tmp.Path, "report", "plots");
        foreach (string facet in new[] { "malicious-1_", "malicious-2_" })
        {
            Assert.All(Figures, f => Assert.True(File.Exists(Path.Combine(plots, facet + f + ".png")), $"{facet}{f}.png is missing."));
        }

        string html = File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html"));
        Assert.Contains("<h2>malicious=1</h2>", html, StringComparison.Ordinal);
        Assert.Equal("81.00 ± 1.41", HtmlTables.Rows(html, "f2-accuracy")[2][2]);
    }

    [Fact]
    public void Write_Twice_GivesIdenticalFiles()
    {
        using var tmp = SmallGrid();

        ReportWriter.Write(tmp.Path, Path.Combine(tmp.Path, "a"));
        ReportWriter.Write(tmp.Path, Path.Combine(tmp.Path, "b"));

        var a = Directory.GetFiles(Path.Combine(tmp.Path, "a"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(12, a.Length);
        foreach (string file in a)
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(file.Replace("/a/", "/b/", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Write_NoDatabase_ThrowsNamingIt()
    {
        using var tmp = new TempDirectory();

        var e = Assert.Throws<FileNotFoundException>(() => ReportWriter.Write(tmp.Path));

        Assert.Contains(Path.Combine(tmp.Path, "results.db"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TwoRunsInOneCell_WarnsInTheSummaryAndToTheCaller()
    {
        using var tmp = new TempDirectory();
        using (SyntheticGrid.Build(tmp.Path, ["none"], ["none", "krum"], 1))
        using (SyntheticGrid.Build(tmp.Path, ["none"], ["none"], 1, keyOffset: 100))
        {
        }

        var heard = new List<string>();
        ReportWriter.Write(tmp.Path, warn: heard.Add);

        string warning = Assert.Single(heard);
        Assert.StartsWith("1 cell(s) hold more than one run", warning, StringComparison.Ordinal);
        Assert.Contains("attack=none defense=none seed=0: runs 0000000000000000, 0000000000000064, with the same configuration text", warning, StringComparison.Ordinal);
        Assert.Contains("WARNING: " + warning, File.ReadAllText(Path.Combine(tmp.Path, "report", "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OneRunPerCell_WarnsNothing()
    {
        using var tmp = SmallGrid();
        var heard = new List<string>();

        ReportWriter.Write(tmp.Path, warn: heard.Add);

        Assert.Empty(heard);
        Assert.DoesNotContain("WARNING", File.ReadAllText(Path.Combine(tmp.Path, "report", "report.md")), StringComparison.Ordinal);
    }
}
