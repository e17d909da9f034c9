using FedSec.Attacks.Backdoor;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;

namespace FedSec.Core.Tests.Attacks.Backdoor;

public class BackdoorOptionsTests
{
    [Fact]
    public void Read_Defaults_DocumentedValues()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args");
        var options = BackdoorOptions.Read(args);
        Assert.Empty(args.Problems);
        Assert.Equal(1, options.ClientNum);
        Assert.Equal(4, options.Size);
        Assert.Equal(TriggerPattern.Square, options.Pattern);
        Assert.Equal(new TriggerPosition(TriggerAnchor.BottomRight), options.Position);
        Assert.Equal(1f, options.Value);
        Assert.Equal(0.3, options.PoisonFraction);
        Assert.Equal(0, options.TargetLabel);
    }

    [Fact]
    public void Read_AllKeys_Parsed()
    {
        var args = Fixtures.Args(
            new ExperimentShape(10, 10, 5),
            "attack_args",
            ("trigger_size", "3"),
            ("trigger_pattern", "checkerboard"),
            ("trigger_position", "2,4"),
            ("trigger_value", "0.8"),
            ("poison_fraction", "0.5"),
            ("target_label", "6"),
            ("byzantine_client_num", "2"));
        var options = BackdoorOptions.Read(args);
        Assert.Empty(args.Problems);
        Assert.Equal((3, TriggerPattern.Checkerboard, new TriggerPosition(TriggerAnchor.At, 2, 4), 0.8f, 0.5, 6, 2), (options.Size, options.Pattern, options.Position, options.Value, options.PoisonFraction, options.TargetLabel, options.ClientNum));
    }

    [Theory]
    [InlineData("trigger_position", "centre")]
    [InlineData("trigger_value", "2")]
    [InlineData("poison_fraction", "0")]
    [InlineData("trigger_size", "0")]
    [InlineData("target_label", "-1")]
    public void Read_BadValue_ReportsItsKey(string key, string value)
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", (key, value));
        BackdoorOptions.Read(args);
        Assert.Equal("attack_args." + key, Assert.Single(args.Problems).Key);
    }
}
