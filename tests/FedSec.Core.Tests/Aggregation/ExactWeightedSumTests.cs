using System.Numerics;
using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class ExactWeightedSumTests
{
    [Fact]
    public void Mean_HandComputed_IsTheRoundedExactMean()
    {
        // (1·1 + 2·2) / 3 = 5/3, rounded once to float.
        var sum = new ExactWeightedSum(1);
        sum.Add(new[] { 1f }, 1, 0);
        sum.Add(new[] { 2f }, 2, 1);
        Assert.Equal(5f / 3f, sum.Mean()[0]);
    }

    [Fact]
    public void Mean_CancellingLargeValues_KeepsTheSmallOneThatDoubleSummationLoses()
    {
        // In double, (2^47 + 2^-40) - 2^47 = 0; the exact sum keeps 2^-40, so the mean is 2^-40 / 3.
        float big = MathF.ScaleB(1, 47), small = MathF.ScaleB(1, -40);
        var sum = new ExactWeightedSum(1);
        sum.Add(new[] { big }, 1, 0);
        sum.Add(new[] { small }, 1, 1);
        sum.Add(new[] { -big }, 1, 2);
        Assert.Equal(0.0, ((double)big + small) - big);
        Assert.Equal((float)(Math.ScaleB(1, -40) / 3), sum.Mean()[0]);
    }

    [Fact]
    public void Mean_EqualsTheExactlyRoundedMeanComputedWithBigInteger()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = random.Next(1, 9), d = 16;
            var vectors = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => RandomValue(random)).ToArray()).ToArray();
            var weights = Enumerable.Range(0, n).Select(_ => (double)random.Next(1, 5000)).ToArray();
            var sum = new ExactWeightedSum(d);
            for (int i = 0; i < n; i++)
            {
                sum.Add(vectors[i], weights[i], i);
            }

            var mean = sum.Mean();
            for (int j = 0; j < d; j++)
            {
                var expected = ReferenceMean(vectors.Select(v => v[j]).ToArray(), weights);
                Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(mean[j]), $"trial {trial}, coordinate {j}: {mean[j]:R} vs exact {expected:R}");
            }
        }
    }

    [Theory]
    [InlineData(300)]
    [InlineData(70_000)]
    public void Mean_AnyOrderOfTheSameUpdates_IsBitIdentical(int d)
    {
        var random = new Random(d);
        int n = 9;
        var vectors = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => (float)(random.NextDouble() - 0.5) * MathF.Pow(10, random.Next(-6, 3))).ToArray()).ToArray();
        var weights = Enumerable.Range(0, n).Select(_ => (double)random.Next(1, 700)).ToArray();
        float[]? first = null;
        var distinct = new HashSet<string>();
        for (int trial = 0; trial < 6; trial++)
        {
            var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
            var sum = new ExactWeightedSum(d);
            foreach (int i in order)
            {
                sum.Add(vectors[i], weights[i], i);
            }

            var mean = sum.Mean();
            first ??= mean;
            Assert.Equal(first.Select(BitConverter.SingleToInt32Bits), mean.Select(BitConverter.SingleToInt32Bits));

            // Summation in double in the same orders is not order-independent (which is why the exact sum exists): its
            // results differ in their last bits, which a float rounding hides most of the time but not always.
            distinct.Add(string.Join(',', Enumerable.Range(0, d).Select(j => order.Sum(i => vectors[i][j] * weights[i]).ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
        }

        Assert.True(distinct.Count > 1, "the double sums happened to agree in every order; the test data does not exercise rounding");
    }

    [Fact]
    public void Mean_IdenticalUpdates_AverageToThemselves()
    {
        var x = new[] { 0.1f, -3.5e-7f, 12345.678f, 0f, 1e-12f };
        var sum = new ExactWeightedSum(x.Length);
        sum.Add(x, 600, 0);
        sum.Add(x, 7, 1);
        sum.Add(x, 1234, 2);
        Assert.Equal(x, sum.Mean());
    }

    [Fact]
    public void Add_OutOfRange_NamesTheClientAndIndexAndLeavesTheSumUnchanged()
    {
        var sum = new ExactWeightedSum(3);
        sum.Add(new[] { 1f, 2f, 3f }, 1, 0);
        var error = Assert.Throws<ExactSumRangeException>(() => sum.Add(new[] { 1f, 1e12f, 3f }, 600, 7));
        Assert.Contains("Client 7's update holds 1E+12 at index 1, times its weight 600", error.Message, StringComparison.Ordinal);
        var nan = Assert.Throws<ExactSumRangeException>(() => sum.Add(new[] { float.NaN, 0f, 0f }, 1, 8));
        Assert.Contains("Client 8's update holds NaN at index 0", nan.Message, StringComparison.Ordinal);
        var weight = Assert.Throws<ExactSumRangeException>(() => sum.Add(new[] { 0f, 0f, 0f }, -1, 9));
        Assert.Contains("Client 9's aggregation weight -1", weight.Message, StringComparison.Ordinal);
        Assert.Equal(1, sum.Count);
        Assert.Equal(new[] { 1f, 2f, 3f }, sum.Mean());
    }

    [Fact]
    public void Mean_NothingAdded_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new ExactWeightedSum(2).Mean());
    }

    [Theory]
    [InlineData(0.5, 64, 0)]
    [InlineData(1.5, 0, 2)]
    [InlineData(2.5, 0, 2)]
    [InlineData(-2.5, 0, -2)]
    [InlineData(3.5, 0, 4)]
    public void RoundToUnits_RoundsToNearestEven(double x, int bits, long expectedUnitsOrShifted)
    {
        var units = ExactWeightedSum.RoundToUnits(x, bits);
        Assert.Equal(bits == 64 ? (Int128)1 << 63 : (Int128)expectedUnitsOrShifted, units);
    }

    private static float RandomValue(Random random)
    {
        // Magnitudes from 2^-40 to 2^20 (inside the exact range with weights below 2^13), both signs, some zeros.
        if (random.Next(10) == 0)
        {
            return 0f;
        }

        float v = MathF.ScaleB((float)(1 + random.NextDouble()), random.Next(-40, 20));
        return random.Next(2) == 0 ? v : -v;
    }

    // The float nearest to Σ wᵢxᵢ / Σ wᵢ (ties to even), found by comparing exact distances of the candidates.
    private static float ReferenceMean(float[] x, double[] w)
    {
        BigInteger num = BigInteger.Zero, den = BigInteger.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            num += new BigInteger(w[i]) * Scaled(x[i]);
            den += new BigInteger(w[i]);
        }

        float guess = (float)Math.ScaleB((double)num / (double)den, -149);
        float best = guess;
        BigInteger bestDistance = BigInteger.Abs(num - (Scaled(guess) * den));
        foreach (var candidate in new[] { MathF.BitDecrement(guess), MathF.BitIncrement(guess) })
        {
            var distance = BigInteger.Abs(num - (Scaled(candidate) * den));
            if (distance < bestDistance || (distance == bestDistance && (BitConverter.SingleToInt32Bits(candidate) & 1) == 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best == 0 ? 0f : best;
    }

    // x · 2^149, an integer for every float.
    private static BigInteger Scaled(float x)
    {
        int bits = BitConverter.SingleToInt32Bits(x);
        int exponent = (bits >> 23) & 0xFF;
        int mantissa = bits & 0x7FFFFF;
        var value = exponent == 0 ? new BigInteger(mantissa) : new BigInteger(mantissa | (1 << 23)) << (exponent - 1);
        return bits < 0 ? -value : value;
    }
}
