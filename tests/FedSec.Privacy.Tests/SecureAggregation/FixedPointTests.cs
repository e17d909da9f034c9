using FedSec.Privacy.SecureAggregation;

namespace FedSec.Privacy.Tests.SecureAggregation;

public class FixedPointTests
{
    [Fact]
    public void Quantize_HandComputed_AndOutOfRangeValuesSaturateAndAreCounted()
    {
        // c = 1, Q = 8: step 0.25; (x + c)/step: 0 -> 4, 0.5 -> 6, -1 -> 0, 3 (clipped to 1) -> 8, -2 (to -1) -> 0.
        var fp = new FixedPoint(1, 8);
        var q = new uint[5];
        int saturated = fp.Quantize(new float[] { 0, 0.5f, -1, 3, -2 }, 1, q);
        Assert.Equal(new uint[] { 4, 6, 0, 8, 0 }, q);
        Assert.Equal(2, saturated);
    }

    [Fact]
    public void Dequantize_SumOfTwo_GivesTheSumOfTheValues()
    {
        var fp = new FixedPoint(1, 8);
        var sum = new float[1];
        fp.Dequantize(new uint[] { 4 + 6 }, 2, sum);     // 0 + 0.5
        Assert.Equal(0.5f, sum[0]);
    }

    [Theory]
    [InlineData(10, 1L << 28)]
    [InlineData(50, 1L << 26)]
    [InlineData(100, 1L << 25)]
    public void DefaultRange_LargestPowerOfTwoThatCannotWrap(int clients, long expected) =>
        Assert.Equal(expected, FixedPoint.DefaultRange(clients));
}
