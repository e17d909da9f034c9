using FedSec.Attacks.ModelReplacement;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;

namespace FedSec.Core.Tests.Attacks.ModelReplacement;

public class ModelReplacementOptionsTests
{
    private static ComponentArgs Args(params (string, object?)[] values) => Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", values);

    [Fact]
    public void Read_FedMLKeys_Parsed()
    {
        var args = Args(("malicious_client_id", "4"), ("attack_training_rounds", new object?[] { "1", "3" }), ("scale_factor_S", "5.0"), ("target_label", "2"));
        var options = ModelReplacementOptions.Read(args);
        Assert.Empty(args.Problems);
        Assert.Equal(new[] { 4 }, options.MaliciousIds);
        Assert.Equal(1, options.ClientNum);
        Assert.Equal(new[] { 1, 3 }, options.Rounds);
        Assert.Equal(5.0, options.NormBound);
        Assert.Null(options.ScaleFactor);
        Assert.Equal(2, options.Backdoor.TargetLabel);
    }

    [Fact]
    public void Read_BothScales_ReportsScaleFactorS()
    {
        var args = Args(("scale_factor", "10"), ("scale_factor_S", "5"));
        ModelReplacementOptions.Read(args);
        Assert.Equal("attack_args.scale_factor_S", Assert.Single(args.Problems).Key);
    }

    [Fact]
    public void Read_UnknownClientAndRound_BothReported()
    {
        var args = Args(("malicious_client_id", "12"), ("attack_training_rounds", "7"));
        ModelReplacementOptions.Read(args);
        Assert.Contains(args.Problems, p => p.Key == "attack_args.malicious_client_id" && p.Message.Contains("0 to 9", StringComparison.Ordinal));
        Assert.Contains(args.Problems, p => p.Key == "attack_args.attack_training_rounds" && p.Message.Contains("0 to 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NonPositiveScale_ReportsScaleFactor()
    {
        var args = Args(("scale_factor", "0"));
        ModelReplacementOptions.Read(args);
        Assert.Equal("attack_args.scale_factor", Assert.Single(args.Problems).Key);
    }
}
