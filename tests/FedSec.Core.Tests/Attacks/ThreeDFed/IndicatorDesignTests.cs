using FedSec.Attacks.ThreeDFed;

namespace FedSec.Core.Tests.Attacks.ThreeDFed;

public class IndicatorDesignTests
{
    [Fact]
    public void Choose_HandComputed_SmallestBackdoorPlusBenignMagnitudesInTheLayer()
    {
        // Layer = positions 2..6. |backdoor| + |benign| there: 0.5, 0.1, 0.3, 0.1, 0.9 → 3 and 5 (tie by position), then 4.
        float[] backdoor = [0f, 0f, 0.5f, -0.05f, 0.2f, 0.1f, 0.9f, 0f];
        float[] benign = [0f, 0f, 0f, 0.05f, -0.1f, 0f, 0f, 0f];
        Assert.Equal([3, 5, 4], IndicatorDesign.Choose(backdoor, benign, offset: 2, length: 5, count: 3));
    }

    [Fact]
    public void Choose_MoreIndicatorsThanCoordinates_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => IndicatorDesign.Choose(new float[4], new float[4], 0, 2, 3));
    }

    [Theory]
    [InlineData(0f, 1e-2f)]
    [InlineData(2e-7f, 2e-2f)]
    [InlineData(-3e-8f, -3e-3f)]
    public void Plant_TimesTenToTheFifth_ZeroGetsAHundredth(float update, float expected)
    {
        Assert.Equal(expected, IndicatorDesign.Plant(update), 1e-9f);
    }
}
