using FedSec.Defenses.Common;

namespace FedSec.Core.Tests.Defenses.Common;

public class CoordinateMedianTests
{
    [Fact]
    public void Of_OddCount_TakesMiddleValuePerCoordinate()
    {
        var m = CoordinateMedian.Of(new[] { new float[] { 1, 9 }, new float[] { 5, -1 }, new float[] { 3, 4 } });
        Assert.Equal(new float[] { 3, 4 }, m);
    }

    [Fact]
    public void Of_EvenCount_AveragesTwoMiddleValues()
    {
        var m = CoordinateMedian.Of(new[] { new float[] { 1 }, new float[] { 10 }, new float[] { 2 }, new float[] { 4 } });
        Assert.Equal(3f, m[0]);
    }
}
