using FedSec.Attacks.EdgeCase;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;

namespace FedSec.Core.Tests.Attacks.EdgeCase;

public class EdgeCaseOptionsTests
{
    [Fact]
    public void Read_NothingSet_DocumentedDefaults()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args");
        var options = EdgeCaseOptions.Read(args);

        Assert.Empty(args.Problems);
        Assert.Equal(1, options.ClientNum);
        Assert.Equal(7, options.SourceLabel);
        Assert.Equal(1, options.TargetLabel);
        Assert.Equal(0.1, options.Tail);
        Assert.Equal(2.0, options.Epsilon);
        Assert.Equal(10, options.ProjectFrequency);
    }

    [Fact]
    public void Read_AllKeys_Taken()
    {
        var args = Fixtures.Args(
            new ExperimentShape(10, 10, 5),
            "attack_args",
            ("byzantine_client_num", "2"),
            ("edge_case_source_label", "3"),
            ("target_label", "8"),
            ("edge_case_tail", "0.25"),
            ("pgd_eps", "0.5"),
            ("pgd_project_frequency", "1"));
        var options = EdgeCaseOptions.Read(args);

        Assert.Empty(args.Problems);
        Assert.Equal((2, 3, 8, 0.25, 0.5, 1), (options.ClientNum, options.SourceLabel, options.TargetLabel, options.Tail, options.Epsilon, options.ProjectFrequency));
    }

    [Fact]
    public void Read_SourceEqualsTarget_ReportsTheSourceKey()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", ("edge_case_source_label", "1"), ("target_label", "1"));
        EdgeCaseOptions.Read(args);

        var p = Assert.Single(args.Problems);
        Assert.Equal("attack_args.edge_case_source_label", p.Key);
        Assert.Contains("target_label", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pgd_eps", "0")]
    [InlineData("pgd_eps", "-1")]
    [InlineData("pgd_project_frequency", "0")]
    [InlineData("edge_case_tail", "0")]
    [InlineData("edge_case_tail", "1.5")]
    public void Read_OutOfRange_ReportsTheKey(string key, string value)
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", (key, value));
        EdgeCaseOptions.Read(args);

        var p = Assert.Single(args.Problems);
        Assert.Equal("attack_args." + key, p.Key);
    }
}
