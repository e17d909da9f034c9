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

    [Fact]
    public void Quantize_MidpointsRoundHalfToEven_InTheVectorisedBodyAndInTheTail()
    {
        // c = 1, Q = 4: step 0.5; (x + 1)/0.5 for these x: 0.5, 1.5, 2.5, 3.5 round to 0, 2, 2, 4 (half to even); 11 values
        // so the first 8 take the vectorised path and the last 3 the scalar tail.
        var fp = new FixedPoint(1, 4);
        var x = new float[] { -0.75f, -0.25f, 0.25f, 0.75f, -1, 1, 0, 5, -0.75f, 0.25f, -5 };
        var q = new uint[x.Length];
        int saturated = fp.Quantize(x, 1, q);
        Assert.Equal(new uint[] { 0, 2, 2, 4, 0, 4, 2, 4, 0, 2, 0 }, q);
        Assert.Equal(2, saturated);
    }

    [Theory]
    [InlineData(8.0, 1L << 26, 0.02)]
    [InlineData(0.5, 1L << 20, 1.0)]
    [InlineData(3.0, 1000, 0.3)]
    public void Quantize_EqualsTheScalarDefinition_OnRandomValuesInAndOutOfRange(double c, long range, double scale)
    {
        var fp = new FixedPoint(c, range);
        var rng = new Random(7);
        var x = new float[10_003];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)((rng.NextDouble() - 0.5) * (i % 97 == 0 ? 100 * c / scale : 2 * c / scale));
        }

        var q = new uint[x.Length];
        int saturated = fp.Quantize(x, scale, q);
        int expectedSaturated = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i] * scale;
            expectedSaturated += v > c || v < -c ? 1 : 0;
            uint expected = (uint)Math.Round((Math.Clamp(v, -c, c) + c) / fp.Step, MidpointRounding.ToEven);
            Assert.True(expected == q[i], $"value {i} ({x[i]}): expected {expected}, got {q[i]}");
        }

        Assert.Equal(expectedSaturated, saturated);
        Assert.InRange(saturated, 1, x.Length / 10);
    }

    [Theory]
    [InlineData(10, 1L << 28)]
    [InlineData(50, 1L << 26)]
    [InlineData(100, 1L << 25)]
    public void DefaultRange_LargestPowerOfTwoThatCannotWrap(int clients, long expected) =>
        Assert.Equal(expected, FixedPoint.DefaultRange(clients));
}
