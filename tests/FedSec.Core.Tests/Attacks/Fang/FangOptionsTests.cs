using FedSec.Attacks.Fang;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;

namespace FedSec.Core.Tests.Attacks.Fang;

public class FangOptionsTests
{
    [Fact]
    public void FangKrumRead_TooManyForKrum_ReportsByzantineClientNum()
    {
        var args = Fixtures.Args(new ExperimentShape(5, 5, 5), "attack_args", ("byzantine_client_num", "3"));
        FangKrumOptions.Read(args);
        var problem = Assert.Single(args.Problems);
        Assert.Equal("attack_args.byzantine_client_num", problem.Key);
        Assert.Contains("n − f − 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FangKrumRead_Defaults_ThresholdPaper()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args");
        var options = FangKrumOptions.Read(args);
        Assert.Empty(args.Problems);
        Assert.Equal(1e-5, options.Threshold);
        Assert.Equal(1, options.ClientNum);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0.5")]
    public void FangTrimRead_BNotAboveOne_ReportsKey(string b)
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", ("fang_trim_b", b));
        FangTrimOptions.Read(args);
        Assert.Equal("attack_args.fang_trim_b", Assert.Single(args.Problems).Key);
    }

    [Fact]
    public void FangTrimRead_Defaults_BTwo()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args");
        Assert.Equal(2.0, FangTrimOptions.Read(args).B);
        Assert.Empty(args.Problems);
    }
}
