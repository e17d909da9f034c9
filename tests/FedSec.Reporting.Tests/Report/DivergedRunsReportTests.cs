using FedSec.Reporting.Export;
using FedSec.Reporting.Report;

namespace FedSec.Reporting.Tests.Report;

public sealed class DivergedRunsReportTests
{
    // backdoor × krum, seed 1 diverges in round 2 (0-based 1) with accuracy 0.098; its other seed ends at 0.80.
    private static TempDirectory GridWithOneDivergedRun()
    {
        var tmp = new TempDirectory();
        using (SyntheticGrid.Build(tmp.Path, ["none", "backdoor"], ["none", "krum"], 2, diverges: (a, d, s) => a == "backdoor" && d == "krum" && s == 1))
        {
        }

        return tmp;
    }

    [Fact]
    public void Write_CellWithADivergedSeed_CountsItsLastRoundAndIsMarkedInHtml()
    {
        using var tmp = GridWithOneDivergedRun();

        ReportWriter.Write(tmp.Path);

        string html = File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html"));
        var rows = HtmlTables.Rows(html, "f1-accuracy");

        // (0.80 + 0.098) / 2 = 44.90 %, sample std 0.702 / √2 = 49.64 points; the other cells are unmarked.
        Assert.Equal(["none", "91.00 ± 1.41", "61.00 ± 1.41", "61.00 ± 1.41 (backdoor)"], rows[1]);
        Assert.Equal(["krum", "89.00 ± 1.41", "44.90 ± 49.64 †", "44.90 ± 49.64 † (backdoor)"], rows[2]);
        Assert.Contains("<p class=\"note footnote\">krum × backdoor: 1 of 2 seeds diverged (in round 2).</p>", html, StringComparison.Ordinal);
        Assert.Contains("1 of them diverged", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CellWithADivergedSeed_IsMarkedInMarkdownWithTheFootnote()
    {
        using var tmp = GridWithOneDivergedRun();

        ReportWriter.Write(tmp.Path);

        string md = File.ReadAllText(Path.Combine(tmp.Path, "report", "report.md"));
        Assert.Contains("| krum | 89.00 ± 1.41 | 44.90 ± 49.64 † | 44.90 ± 49.64 † (backdoor) |\n", md, StringComparison.Ordinal);
        Assert.Contains("krum × backdoor: 1 of 2 seeds diverged (in round 2).", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CellWithADivergedSeed_AttackSuccessRateCellIsMarkedToo()
    {
        using var tmp = GridWithOneDivergedRun();

        ReportWriter.Write(tmp.Path);

        // Final ASR: seed 0 at round 3 is 0.30; the diverged seed 1 at its last round 2 is 0.50.
        var rows = HtmlTables.Rows(File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), "f1-asr");
        Assert.Equal(["none", "35.00 ± 7.07"], rows[1]);
        Assert.Equal(["krum", "40.00 ± 14.14 †"], rows[2]);
    }

    [Fact]
    public void Write_NoDivergedRun_NoMarkAndNoFootnote()
    {
        using var tmp = new TempDirectory();
        using (SyntheticGrid.Build(tmp.Path, ["none", "backdoor"], ["none", "krum"], 2))
        {
        }

        ReportWriter.Write(tmp.Path);

        Assert.DoesNotContain("†", File.ReadAllText(Path.Combine(tmp.Path, "report", "report.md")), StringComparison.Ordinal);
        Assert.DoesNotContain("diverged", File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Runs_CarryStatusAndDivergedRound()
    {
        using var tmp = GridWithOneDivergedRun();

        ResultsExporter.Write(tmp.Path, ExportFormat.Csv, tmp.Path);

        var rows = Export.CsvText.Parse(File.ReadAllText(tmp.File("runs.csv")));
        var header = rows[0];
        int status = Array.IndexOf(header, "status"), round = Array.IndexOf(header, "diverged_round"), stage = Array.IndexOf(header, "diverged_stage");
        int attack = Array.IndexOf(header, "attack"), defense = Array.IndexOf(header, "defense"), seed = Array.IndexOf(header, "seed");
        var diverged = rows.Skip(1).Single(r => r[status] == "diverged");
        Assert.Equal(("backdoor", "krum", "1"), (diverged[attack], diverged[defense], diverged[seed]));
        Assert.Equal("1", diverged[round]);
        Assert.Equal("local training", diverged[stage]);
        Assert.Equal(7, rows.Skip(1).Count(r => r[status] == "completed" && r[round].Length == 0));
    }
}
