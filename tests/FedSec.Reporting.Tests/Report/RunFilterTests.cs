using FedSec.Reporting.Report;

namespace FedSec.Reporting.Tests.Report;

public sealed class RunFilterTests
{
    private static TempDirectory SmallGrid()
    {
        var tmp = new TempDirectory();
        using (SyntheticGrid.Build(tmp.Path, ["none", "backdoor"], ["none", "krum"], 2))
        {
        }

        return tmp;
    }

    [Fact]
    public void Write_OnlyOneDefense_TableHoldsOnlyItsRowWithUnchangedCells()
    {
        using var tmp = SmallGrid();

        ReportWriter.Write(tmp.Path, filter: RunFilter.Parse(["defense=krum"]));

        string html = File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html"));
        var rows = HtmlTables.Rows(html, "f1-accuracy");
        Assert.Equal(2, rows.Length);
        Assert.Equal(["krum", "89.00 ± 1.41", "81.00 ± 1.41", "81.00 ± 1.41 (backdoor)"], rows[1]);
        Assert.Contains("Only the runs with defense ∈ {krum}.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OnlyTwoConditions_BothMustHold()
    {
        using var tmp = SmallGrid();

        ReportWriter.Write(tmp.Path, filter: RunFilter.Parse(["defense=none,krum", "attack=backdoor"]));

        var rows = HtmlTables.Rows(File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html")), "f1-accuracy");
        Assert.Equal(["defense \\ attack", "backdoor", "worst case"], rows[0]);
        Assert.Equal(3, rows.Length);
    }

    [Fact]
    public void Write_UnknownAxis_ErrorListsTheAxes()
    {
        using var tmp = SmallGrid();
        var e = Assert.Throws<FedSec.Results.Grid.AxisFilterException>(() => ReportWriter.Write(tmp.Path, filter: RunFilter.Parse(["defence=krum"])));
        Assert.Contains("'defence'", e.Message, StringComparison.Ordinal);
        Assert.Contains("attack, defense, seed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ValueNoRunHas_ErrorListsTheValues()
    {
        using var tmp = SmallGrid();
        var e = Assert.Throws<FedSec.Results.Grid.AxisFilterException>(() => ReportWriter.Write(tmp.Path, filter: RunFilter.Parse(["defense=bulyan"])));
        Assert.Contains("defense = bulyan", e.Message, StringComparison.Ordinal);
        Assert.Contains("krum, none", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("defense")]
    [InlineData("=krum")]
    [InlineData("defense=")]
    public void Parse_Malformed_ErrorQuotesIt(string spec)
    {
        var e = Assert.Throws<FedSec.Results.Grid.AxisFilterException>(() => RunFilter.Parse([spec]));
        Assert.Contains($"'{spec}'", e.Message, StringComparison.Ordinal);
    }
}
