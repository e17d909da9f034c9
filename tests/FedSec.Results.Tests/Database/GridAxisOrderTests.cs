using FedSec.Results.Database;

namespace FedSec.Results.Tests.Database;

public sealed class GridAxisOrderTests
{
    private static Dictionary<string, string> Axes(string attack, string defense) => new() { ["attack"] = attack, ["defense"] = defense };

    [Fact]
    public void Merge_ValuesInTheOrderTheyFirstAppear_AfterThoseStored()
    {
        string first = GridAxisOrder.Merge(null, [Axes("none", "zeta"), Axes("ipm", "zeta"), Axes("none", "alpha")]);
        string second = GridAxisOrder.Merge(first, [Axes("alie", "alpha"), Axes("none", "zeta")]);

        var order = GridAxisOrder.Parse(second);

        Assert.Equal(["none", "ipm", "alie"], order["attack"]);
        Assert.Equal(["zeta", "alpha"], order["defense"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public void Parse_NothingOrSomethingElse_Empty(string? stored)
    {
        Assert.Empty(GridAxisOrder.Parse(stored));
    }

    [Fact]
    public void Ranks_PositionOfEachListedValue_UnlistedLeftOut()
    {
        var order = GridAxisOrder.Parse(GridAxisOrder.Merge(null, [Axes("none", "zeta"), Axes("ipm", "alpha")]));

        var ranks = GridAxisOrder.Ranks(order, new Dictionary<string, string> { ["attack"] = "ipm", ["defense"] = "beta", ["seed"] = "0" });

        Assert.Equal(new Dictionary<string, int> { ["attack"] = 1 }, ranks);
    }

    [Fact]
    public void Read_AfterRecordAxisOrder_RunsCarryTheirRanks()
    {
        using var tmp = new TempDirectory();
        string runDir = Path.Combine(tmp.Path, "runs", "r");
        RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(1, 0.9), [RunDirectoryWriter.Round(0, 0.9)]);
        using var db = ResultsDatabase.Open(tmp.File(ResultsDatabase.FileName));
        db.Ingest(RunDirectoryWriter.PlainRun("00000000000000c1"), runDir, 1);

        Assert.Empty(Assert.Single(db.Read().Runs).AxisRanks);
        db.RecordAxisOrder([Axes("ipm", "krum"), Axes("none", "none")]);

        var ranks = Assert.Single(db.Read().Runs).AxisRanks;
        Assert.Equal(1, ranks["attack"]);
        Assert.Equal(1, ranks["defense"]);
    }
}
