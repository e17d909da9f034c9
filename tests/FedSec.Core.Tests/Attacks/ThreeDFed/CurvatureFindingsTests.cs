using FedSec.Attacks.ThreeDFed;

namespace FedSec.Core.Tests.Attacks.ThreeDFed;

public class CurvatureFindingsTests
{
    private static readonly HashSet<int> Attackers = [2, 5, 7];

    [Fact]
    public void Sum_AttackersOfTheRoundWithTheLayersLength_InClientOrder()
    {
        var findings = new CurvatureFindings();
        findings.Record(3, 7, [1f, 2f]);
        findings.Record(3, 2, [0.5f, -1f]);
        findings.Record(3, 4, [100f, 100f]); // not an attacker
        findings.Record(3, 5, [1f, 2f, 3f]); // another layer's length

        var (sum, clients) = findings.Sum(3, Attackers, 2);

        Assert.Equal([1.5f, 1f], sum!);
        Assert.Equal(2, clients);
    }

    [Fact]
    public void Sum_OtherRoundOrNoReport_Null()
    {
        var findings = new CurvatureFindings();
        Assert.Null(findings.Sum(0, Attackers, 2).Sum);
        findings.Record(3, 2, [1f, 1f]);
        Assert.Equal(0, findings.Sum(4, Attackers, 2).Clients);
        Assert.Null(findings.Sum(4, Attackers, 2).Sum);
    }

    [Fact]
    public void Record_LaterRound_DropsTheEarlierRoundsAndIgnoresOlderOnes()
    {
        var findings = new CurvatureFindings();
        findings.Record(3, 2, [1f, 1f]);
        findings.Record(4, 5, [2f, 2f]);
        findings.Record(3, 7, [9f, 9f]);

        AssertSum(findings, 4, [2f, 2f], 1);
    }

    [Fact]
    public void Merge_WrittenInAnotherProcess_AddsItsClientsToThisOnesAndReplacesTheSameClient()
    {
        var node = new CurvatureFindings();
        node.Record(1, 5, [3f, 4f]);
        node.Record(1, 2, [1f, 1f]);
        var server = new CurvatureFindings();
        server.Record(1, 2, [100f, 100f]);
        server.Record(1, 7, [10f, 20f]);

        server.Merge(node.Write(5));
        server.Merge(node.Write(2));

        AssertSum(server, 1, [14f, 25f], 3);
    }

    [Fact]
    public void Write_OneClient_HoldsThatClientsFindingsAlone_AndNoneForAClientWithout()
    {
        var node = new CurvatureFindings();
        node.Record(1, 5, [3f, 4f]);
        node.Record(1, 2, [1f, 1f]);
        var onlyFive = new CurvatureFindings();
        var none = new CurvatureFindings();

        onlyFive.Merge(node.Write(5));
        none.Merge(node.Write(7));

        AssertSum(onlyFive, 1, [3f, 4f], 1);
        Assert.Equal((null, 0), none.Sum(1, Attackers, 2));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("trailing")]
    [InlineData("not finite")]
    [InlineData("no vector")]
    [InlineData("huge count")]
    public void Merge_BytesThatDoNotRead_InvalidDataAndNothingTaken(string kind)
    {
        var node = new CurvatureFindings();
        node.Record(1, 5, [3f, kind == "not finite" ? float.NaN : 4f]);
        var good = node.Write(5);
        byte[] bad = kind switch
        {
            "truncated" => good[..^3],
            "trailing" => [.. good, 0],
            "no vector" => [.. BitConverter.GetBytes(1), .. BitConverter.GetBytes(1), .. BitConverter.GetBytes(5), .. BitConverter.GetBytes(-1)],
            "huge count" => [.. BitConverter.GetBytes(1), .. BitConverter.GetBytes(int.MaxValue)],
            _ => good,
        };
        var server = new CurvatureFindings();
        server.Record(1, 2, [1f, 1f]);

        Assert.Throws<InvalidDataException>(() => server.Merge(bad));

        AssertSum(server, 1, [1f, 1f], 1);
    }

    private static void AssertSum(CurvatureFindings findings, int round, float[] expected, int clients)
    {
        var (sum, used) = findings.Sum(round, Attackers, 2);
        Assert.Equal(expected, sum!);
        Assert.Equal(clients, used);
    }
}
