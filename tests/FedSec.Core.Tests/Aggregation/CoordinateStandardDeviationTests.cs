using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class CoordinateStandardDeviationTests
{
    private static readonly float[][] Vectors = { new[] { 1f, 2f }, new[] { 3f, 2f }, new[] { 5f, 8f } };

    [Fact]
    public void Of_ThreeVectors_SampleStdWithNMinusOne()
    {
        // Coordinate 0: deviations −2, 0, 2 → 8/2 = 4 → 2. Coordinate 1: −2, −2, 4 → 24/2 = 12.
        var std = CoordinateStandardDeviation.Of(Vectors, new[] { 3f, 4f });
        Assert.Equal(2f, std[0]);
        Assert.Equal((float)Math.Sqrt(12), std[1]);
    }

    [Fact]
    public void Of_OneVector_Zero()
    {
        Assert.Equal(new[] { 0f, 0f }, CoordinateStandardDeviation.Of(new[] { new[] { 1f, 2f } }, new[] { 1f, 2f }));
    }

    [Fact]
    public void Of_ManyBlocks_EqualsSequentialDoubleSumBitForBit()
    {
        // 5 000 coordinates: SIMD lanes, two 2 048-column blocks on several threads, and a scalar tail.
        var vectors = AggregationTestData.Random(7, 5003, seed: 2);
        var mean = WeightedMean.Unweighted(vectors);
        var std = CoordinateStandardDeviation.Of(vectors, mean);
        for (int j = 0; j < mean.Length; j++)
        {
            double sq = 0;
            foreach (var v in vectors)
            {
                double e = v[j] - (double)mean[j];
                sq += e * e;
            }

            Assert.Equal((float)Math.Sqrt(sq / 6), std[j]);
        }
    }
}
