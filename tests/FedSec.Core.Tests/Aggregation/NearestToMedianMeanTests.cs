using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class NearestToMedianMeanTests
{
    [Fact]
    public void Of_OddHandCase_AveragesValuesClosestToMedian()
    {
        // 0, 1, 2, 3, 10: median 2; the 3 closest are 1, 2, 3 → 2. The 2 closest of −4, 0, 5, 6, 20 (median 5) are 5, 6 → 5.5.
        var vectors = new[] { new[] { 10f, 20f }, new[] { 0f, 6f }, new[] { 3f, -4f }, new[] { 1f, 5f }, new[] { 2f, 0f } };
        Assert.Equal(2f, NearestToMedianMean.Of(vectors, 3)[0]);
        Assert.Equal(5.5f, NearestToMedianMean.Of(vectors, 2)[1]);
    }

    [Fact]
    public void Of_EvenHandCase_UsesMeanOfMiddleAsMedian()
    {
        // 0, 1, 2, 4, 9, 20: median 3; distances 3, 2, 1, 1, 6, 17 → the 2 closest are 2 and 4 → 3.
        var vectors = new[] { 9f, 0f, 20f, 2f, 1f, 4f }.Select(v => new[] { v }).ToArray();
        Assert.Equal(3f, NearestToMedianMean.Of(vectors, 2)[0]);
    }

    [Theory]
    [InlineData(7, 3, 500)]
    [InlineData(11, 3, 129)]
    [InlineData(40, 20, 70)]
    public void Of_RandomMatrix_EqualsMeanOfNearestByDistance(int n, int beta, int d)
    {
        var vectors = AggregationTestData.Random(n, d, seed: n + beta);
        var result = NearestToMedianMean.Of(vectors, beta);
        for (int j = 0; j < d; j++)
        {
            var c = AggregationTestData.Column(vectors, j).Order().ToArray();
            double median = n % 2 == 1 ? c[n / 2] : (c[(n / 2) - 1] + c[n / 2]) * 0.5f;
            var nearest = c.OrderBy(x => Math.Abs(x - median)).Take(beta).ToArray();
            Assert.Equal(nearest.Average(x => (double)x), result[j], 1e-5);
        }
    }

    [Fact]
    public void Of_CountOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NearestToMedianMean.Of(AggregationTestData.Random(3, 2, 1), 4));
    }
}
