using FedSec.Reporting.Report;

namespace FedSec.Reporting.Tests.Report;

/// <summary>The report of language-model runs: loss curves, the perplexity table, and Exp4's settings side by side.</summary>
public sealed class TextRunsReportTests
{
    private static TempDirectory Exp4(int seeds = 2)
    {
        var tmp = new TempDirectory();
        using (SyntheticTextGrid.Build(tmp.Path, SyntheticTextGrid.Exp4, seeds))
        {
        }

        return tmp;
    }

    [Fact]
    public void Write_Exp4Settings_OneFacetWithEverySettingInTheSameFigures()
    {
        using var tmp = Exp4();

        ReportWriter.Write(tmp.Path);

        string report = Path.Combine(tmp.Path, "report");
        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(report, "report.md")), l => l.StartsWith("## ", StringComparison.Ordinal));
        var files = Directory.GetFiles(Path.Combine(report, "plots")).Select(Path.GetFileNameWithoutExtension).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["fig4_accuracy_by_attack", "fig6_accuracy_under_byzantine", "heatmap_final_accuracy", "loss_per_round"], files);
        var under = SvgText.Texts(File.ReadAllText(Path.Combine(report, "plots", "fig6_accuracy_under_byzantine.svg")));
        Assert.Contains("benign (no attack)", under);
        Assert.Contains("byzantine, no defense", under);
        Assert.Contains("krum", under);
        var loss = SvgText.Texts(File.ReadAllText(Path.Combine(report, "plots", "loss_per_round.svg")));
        Assert.Contains("no attack, no defense", loss);
        Assert.Contains("byzantine, no defense", loss);
        Assert.Contains("byzantine, krum", loss);
        Assert.Contains("Test loss (nats per token)", loss);
    }

    [Fact]
    public void Write_Exp4Settings_LossAxisCoversTheLossesNotZeroToOne()
    {
        using var tmp = Exp4();

        ReportWriter.Write(tmp.Path);

        // Losses run from 4.8 (no attack, round 2, seed 0) to 5.6 (byzantine, round 0, seed 1): the y ticks are in that range.
        var ticks = SvgText.Texts(File.ReadAllText(Path.Combine(tmp.Path, "report", "plots", "loss_per_round.svg")))
            .Select(t => double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) ? v : (double?)null)
            .OfType<double>()
            .Where(v => v > 3)
            .ToArray();
        Assert.NotEmpty(ticks);
        Assert.All(ticks, v => Assert.InRange(v, 4.5, 6.0));
    }

    [Fact]
    public void Write_Exp4Settings_TableHoldsLossAndPerplexityPerSetting()
    {
        using var tmp = Exp4();

        ReportWriter.Write(tmp.Path);

        var rows = HtmlTables.Rows(File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), "f1-language");

        // Final loss = base − 0.2 + 0.1·seed: no attack 4.8 and 4.9 → 4.850 ± 0.071; perplexity e^4.8 = 121.5, e^4.9 = 134.3 → 127.9 ± 9.0.
        Assert.Equal(["attack, defense", "next-token accuracy (%)", "test loss", "perplexity", "runs"], rows[0]);
        Assert.Equal(["no attack, no defense (setting=no_attack)", "22.00 ± 0.00", "4.850 ± 0.071", "127.9 ± 9.0", "2"], rows[1]);
        Assert.Equal(["byzantine, no defense (setting=byzantine_random)", "22.00 ± 0.00", "5.350 ± 0.071", "210.9 ± 14.9", "2"], rows[2]);
        Assert.Equal(["byzantine, krum (setting=byzantine_random_mkrum)", "22.00 ± 0.00", "4.950 ± 0.071", "141.4 ± 10.0", "2"], rows[3]);
        Assert.Contains("| no attack, no defense (setting=no_attack) | 22.00 ± 0.00 | 4.850 ± 0.071 | 127.9 ± 9.0 | 2 |", File.ReadAllText(Path.Combine(tmp.Path, "report", "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TextBackdoor_TableAndFigureHoldTheAttackSuccessRate()
    {
        using var tmp = new TempDirectory();
        using (SyntheticTextGrid.Build(tmp.Path, [("clean", "none", "none", 5.0), ("backdoor", "text_backdoor", "none", 5.0)], 1))
        {
        }

        ReportWriter.Write(tmp.Path);

        var rows = HtmlTables.Rows(File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), "f1-language");
        Assert.Equal("attack success rate (%)", rows[0][4]);
        Assert.Equal(["text_backdoor, no defense (setting=backdoor)", "22.00", "4.800", "121.5", "75.00", "1"], rows[2]);
        Assert.True(File.Exists(Path.Combine(tmp.Path, "report", "plots", "asr_text_backdoor.svg")));
    }

    [Fact]
    public void Write_SettingsSharingAttackAndDefense_StayInFacetsOfTheirOwn()
    {
        using var tmp = new TempDirectory();
        using (SyntheticTextGrid.Build(tmp.Path, [("one", "byzantine", "none", 5.0), ("two", "byzantine", "none", 5.5)], 1))
        {
        }

        ReportWriter.Write(tmp.Path);

        var sections = File.ReadAllLines(Path.Combine(tmp.Path, "report", "report.md")).Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["## setting=one", "## setting=two"], sections);
    }

    [Fact]
    public void Write_ImageRuns_NoLanguageTableNorLossFigure()
    {
        using var tmp = new TempDirectory();
        using (SyntheticGrid.Build(tmp.Path, ["none", "byzantine"], ["none"], 1))
        {
        }

        ReportWriter.Write(tmp.Path);

        Assert.DoesNotContain("f1-language", File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tmp.Path, "report", "plots", "loss_per_round.svg")));
    }
}
