using FedSec.Privacy.Mechanisms;

namespace FedSec.Privacy.Tests.Mechanisms;

public class NormClippingTests
{
    [Fact]
    public void ClipL2_ThreeFourToOne_IsPointSixPointEightAndReturnsFive()
    {
        var x = new float[] { 3, 4 };
        Assert.Equal(5, NormClipping.ClipL2(x, 1), 12);
        Assert.Equal(new[] { 0.6f, 0.8f }, x);
    }

    [Fact]
    public void ClipL2_WithinTheBound_Unchanged()
    {
        var x = new float[] { 0.3f, -0.4f };
        NormClipping.ClipL2(x, 1);
        Assert.Equal(new[] { 0.3f, -0.4f }, x);
    }

    [Fact]
    public void ClipL1_ThreeMinusOneToTwo_HalvesIt()
    {
        var x = new float[] { 3, -1 };
        Assert.Equal(4, NormClipping.ClipL1(x, 2), 12);
        Assert.Equal(new[] { 1.5f, -0.5f }, x);
    }
}
