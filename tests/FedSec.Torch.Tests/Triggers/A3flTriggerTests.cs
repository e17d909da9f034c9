using FedSec.Attacks.Backdoor;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Torch.Triggers.A3fl;

namespace FedSec.Torch.Tests.Triggers;

public sealed class A3flTriggerTests
{
    [Fact]
    public void Initial_TwoByTwoAtColumn1Row0_PatternHalfInsideTheMaskZeroOutside()
    {
        var trigger = A3flTrigger.Initial(2, new TriggerPosition(TriggerAnchor.At, 1, 0), channels: 2, height: 3, width: 3);

        Assert.Equal(new float[] { 0, 1, 1, 0, 1, 1, 0, 0, 0 }, trigger.Mask);
        Assert.Equal(new float[] { 0, .5f, .5f, 0, .5f, .5f, 0, 0, 0, 0, .5f, .5f, 0, .5f, .5f, 0, 0, 0 }, trigger.Pattern);
    }

    [Fact]
    public void Stamp_PatternOnMaskedPixels_OthersKeepTheirValue()
    {
        var trigger = A3flTrigger.Initial(2, new TriggerPosition(TriggerAnchor.BottomRight), channels: 1, height: 3, width: 3)
            .WithPattern(new float[] { 9, 9, 9, 9, .1f, .2f, 9, .3f, .4f });
        var set = new ImageSet(new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1 }, new[] { 0, 1 }, 1, 3, 3, 2);

        trigger.Stamp(set, new[] { 0 });

        // x' = t·m + (1 − m)·x: the bottom-right 2 × 2 takes the pattern; the 9s outside the mask have no effect.
        Assert.Equal(new float[] { 1, 2, 3, 4, .1f, .2f, 7, .3f, .4f }, set.Image(0).ToArray());
        Assert.All(set.Image(1).ToArray(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Initial_RegionOutsideTheImage_ConfigExceptionNamesTriggerSize()
    {
        var e = Assert.Throws<ConfigException>(() => A3flTrigger.Initial(5, new TriggerPosition(TriggerAnchor.At, 2, 2), 1, 6, 6));

        Assert.Equal("attack_args.trigger_size", Assert.Single(e.Problems).Key);
        Assert.Contains("does not fit images of 6×6", e.Problems[0].Message, StringComparison.Ordinal);
    }
}
