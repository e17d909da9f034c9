using FedSec.Attacks.Backdoor;

namespace FedSec.Core.Tests.Attacks.Backdoor;

public class BackdoorTriggerTests
{
    [Fact]
    public void Pixels_SquareBottomRight_LastRowsAndColumns()
    {
        var trigger = BackdoorTrigger.Create(TriggerPattern.Square, 2, 1f, new TriggerPosition(TriggerAnchor.BottomRight));
        Assert.Equal(new[] { (4, 4), (4, 5), (5, 4), (5, 5) }, trigger.Pixels(6, 6));
    }

    [Fact]
    public void Pixels_CheckerboardAtXY_EvenCellsFromOrigin()
    {
        var trigger = BackdoorTrigger.Create(TriggerPattern.Checkerboard, 3, 1f, new TriggerPosition(TriggerAnchor.At, 1, 2));
        Assert.Equal(new[] { (2, 1), (2, 3), (3, 2), (4, 1), (4, 3) }, trigger.Pixels(8, 8));
    }

    [Fact]
    public void Stamp_TwoChannels_SetsTriggerPixelsInEveryChannelOnlyOnChosenImages()
    {
        var set = AttackFixtures.Images(3, size: 4, channels: 2);
        var before = (float[])set.Pixels.Clone();
        var trigger = BackdoorTrigger.Create(TriggerPattern.Square, 1, 0.75f, new TriggerPosition(TriggerAnchor.TopRight));
        trigger.Stamp(set, new[] { 1 });

        // Image 1, pixel (0, 3) of each 4×4 channel: offsets 32 + 3 and 32 + 16 + 3.
        for (int i = 0; i < set.Pixels.Length; i++)
        {
            float expected = i == 35 || i == 51 ? 0.75f : before[i];
            Assert.Equal(expected, set.Pixels[i]);
        }
    }

    [Fact]
    public void StampAll_Set_CopyStampedOriginalUntouched()
    {
        var set = AttackFixtures.Images(4, size: 5);
        var before = (float[])set.Pixels.Clone();
        var trigger = BackdoorTrigger.Create(TriggerPattern.Square, 2, 1f, new TriggerPosition(TriggerAnchor.TopLeft));
        var stamped = trigger.StampAll(set);
        Assert.Equal(before, set.Pixels);
        Assert.Equal(set.Labels, stamped.Labels);
        for (int i = 0; i < 4; i++)
        {
            var image = stamped.Image(i);
            Assert.Equal(new[] { 1f, 1f, 1f, 1f }, new[] { image[0], image[1], image[5], image[6] });
            Assert.Equal(before[(i * 25) + 2], image[2]);
        }
    }

    [Fact]
    public void Misfit_TriggerTooLargeOrOutside_Explains()
    {
        var big = BackdoorTrigger.Create(TriggerPattern.Square, 7, 1f, new TriggerPosition(TriggerAnchor.BottomRight));
        Assert.Contains("does not fit", big.Misfit(6, 6), StringComparison.Ordinal);
        var outside = BackdoorTrigger.Create(TriggerPattern.Square, 2, 1f, new TriggerPosition(TriggerAnchor.At, 5, 0));
        Assert.NotNull(outside.Misfit(6, 6));
        Assert.Null(outside.Misfit(6, 7));
        Assert.Throws<ArgumentException>(() => big.Pixels(6, 6));
    }
}
