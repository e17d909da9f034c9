using FedSec.Attacks.Alie;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;

namespace FedSec.Core.Tests.Attacks.Alie;

public class AlieOptionsTests
{
    [Fact]
    public void Read_Defaults_OneClientAndFormulaZ()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args");
        var options = AlieOptions.Read(args);
        Assert.Empty(args.Problems);
        Assert.Equal(1, options.ClientNum);
        Assert.Null(options.Z);
    }

    [Fact]
    public void Read_MajorityMaliciousWithoutZ_ReportsByzantineClientNum()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", ("byzantine_client_num", "6"));
        AlieOptions.Read(args);
        var problem = Assert.Single(args.Problems);
        Assert.Equal("attack_args.byzantine_client_num", problem.Key);
        Assert.Contains("alie_z", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MajorityMaliciousWithZ_Accepted()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", ("byzantine_client_num", "6"), ("alie_z", "1.0"));
        Assert.Equal(1.0, AlieOptions.Read(args).Z);
        Assert.Empty(args.Problems);
    }

    [Fact]
    public void Read_ZNotANumber_ReportsAlieZ()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", ("alie_z", "large"));
        AlieOptions.Read(args);
        Assert.Equal("attack_args.alie_z", Assert.Single(args.Problems).Key);
    }
}
