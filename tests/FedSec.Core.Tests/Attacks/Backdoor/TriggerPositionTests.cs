using FedSec.Attacks.Backdoor;

namespace FedSec.Core.Tests.Attacks.Backdoor;

public class TriggerPositionTests
{
    [Theory]
    [InlineData("bottom_right", TriggerAnchor.BottomRight)]
    [InlineData("Top-Left", TriggerAnchor.TopLeft)]
    [InlineData("top_right", TriggerAnchor.TopRight)]
    [InlineData("bottom_left", TriggerAnchor.BottomLeft)]
    public void TryParse_CornerNames_Anchor(string text, TriggerAnchor anchor)
    {
        Assert.True(TriggerPosition.TryParse(text, out var position, out _));
        Assert.Equal(anchor, position.Anchor);
    }

    [Fact]
    public void TryParse_XCommaY_ExplicitColumnAndRow()
    {
        Assert.True(TriggerPosition.TryParse("3, 5", out var position, out _));
        Assert.Equal(new TriggerPosition(TriggerAnchor.At, 3, 5), position);
        Assert.True(TriggerPosition.TryParse(new object?[] { "1", "2" }, out var fromList, out _));
        Assert.Equal(new TriggerPosition(TriggerAnchor.At, 1, 2), fromList);
    }

    [Theory]
    [InlineData("middle")]
    [InlineData("1,2,3")]
    [InlineData("-1,2")]
    public void TryParse_Invalid_ErrorListsForms(string text)
    {
        Assert.False(TriggerPosition.TryParse(text, out _, out var error));
        Assert.Contains(TriggerPosition.Forms, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Origin_EachAnchor_TopLeftPixelOfTrigger()
    {
        Assert.Equal((0, 0), new TriggerPosition(TriggerAnchor.TopLeft).Origin(28, 30, 3, 4));
        Assert.Equal((0, 26), new TriggerPosition(TriggerAnchor.TopRight).Origin(28, 30, 3, 4));
        Assert.Equal((25, 0), new TriggerPosition(TriggerAnchor.BottomLeft).Origin(28, 30, 3, 4));
        Assert.Equal((25, 26), new TriggerPosition(TriggerAnchor.BottomRight).Origin(28, 30, 3, 4));
        Assert.Equal((7, 2), new TriggerPosition(TriggerAnchor.At, 2, 7).Origin(28, 30, 3, 4));
    }
}
