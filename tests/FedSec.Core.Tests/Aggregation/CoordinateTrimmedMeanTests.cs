using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class CoordinateTrimmedMeanTests
{
    [Fact]
    public void Of_HandCase_DropsExactlyKPerSidePerCoordinate()
    {
        // n = 6, k = 2. Coordinate 0: 100, −50, 1, 2, 3, 4 → drop −50, 1 and 4, 100 → (2 + 3)/2 = 2.5.
        // Coordinate 1: 0, 10, 20, 30, 40, 50 (spread over clients) → drop 0, 10, 40, 50 → 25.
        var vectors = new[]
        {
            new[] { 100f, 30f }, new[] { -50f, 0f }, new[] { 1f, 50f }, new[] { 2f, 10f }, new[] { 3f, 40f }, new[] { 4f, 20f },
        };
        Assert.Equal(new[] { 2.5f, 25f }, CoordinateTrimmedMean.Of(vectors, 2));
    }

    [Fact]
    public void Of_TrimZero_IsThePlainMean()
    {
        var vectors = new[] { new[] { 1f, 2f }, new[] { 3f, 6f }, new[] { 8f, 1f } };
        Assert.Equal(new[] { 4f, 3f }, CoordinateTrimmedMean.Of(vectors, 0));
    }

    [Theory]
    [InlineData(10, 1, 1001)]
    [InlineData(25, 5, 333)]
    [InlineData(100, 10, 64)]
    [InlineData(50, 5, 2900)]
    public void Of_RandomMatrix_EqualsMeanOfSortedMiddle(int n, int k, int d)
    {
        var vectors = AggregationTestData.Random(n, d, seed: n * k);
        var result = CoordinateTrimmedMean.Of(vectors, k);
        for (int j = 0; j < d; j++)
        {
            var kept = AggregationTestData.Column(vectors, j).Order().Skip(k).Take(n - (2 * k)).ToArray();
            Assert.Equal(kept.Average(x => (double)x), result[j], 1e-5);
        }
    }

    [Theory]
    [InlineData(10, 0.1, 1)]
    [InlineData(10, 0.25, 2)]
    [InlineData(10, 0.3, 3)]
    [InlineData(7, 0.2, 1)]
    [InlineData(4, 0.0, 0)]
    public void TrimCount_BetaTimesN_RoundsDown(int n, double beta, int expected)
    {
        Assert.Equal(expected, CoordinateTrimmedMean.TrimCount(n, beta));
    }

    [Fact]
    public void Of_TrimLeavingNothing_Throws()
    {
        var vectors = AggregationTestData.Random(4, 3, seed: 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => CoordinateTrimmedMean.Of(vectors, 2));
    }

    [Fact]
    public void Of_PermutedInputs_GivesIdenticalResult()
    {
        var vectors = AggregationTestData.Random(15, 1500, seed: 2);
        Assert.Equal(CoordinateTrimmedMean.Of(vectors, 3), CoordinateTrimmedMean.Of(AggregationTestData.Permuted(vectors, 5), 3));
    }

    [Theory]
    [InlineData(10, 1, 0.1)]
    [InlineData(10, 3, 0.3)]
    [InlineData(20, 4, 0.2)]
    public void Of_BetaAtLeastAttackerShare_StaysWithinHonestRange(int n, int f, double beta)
    {
        var vectors = AggregationTestData.WithHugeAttackers(n, f, d: 400, seed: f);
        var result = CoordinateTrimmedMean.Of(vectors, CoordinateTrimmedMean.TrimCount(n, beta));
        for (int j = 0; j < result.Length; j++)
        {
            var honest = vectors.Skip(f).Select(v => v[j]).ToArray();
            Assert.InRange(result[j], honest.Min() - 1e-5f, honest.Max() + 1e-5f);
        }
    }
}
