using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class CoordinateMedianTests
{
    [Fact]
    public void Of_OddCount_TakesMiddleValuePerCoordinate()
    {
        var vectors = new[] { new[] { 5f, -1f }, new[] { 1f, 7f }, new[] { 3f, 2f } };
        Assert.Equal(new[] { 3f, 2f }, CoordinateMedian.Of(vectors));
    }

    [Fact]
    public void Of_EvenCount_TakesMeanOfTwoMiddleValues()
    {
        // Coordinate 0: 1, 2, 4, 10 → (2 + 4)/2 = 3. Coordinate 1: −3, 0, 5, 6 → 2.5. FedML's lower middle would give 2 and 0.
        var vectors = new[] { new[] { 10f, 5f }, new[] { 2f, -3f }, new[] { 4f, 6f }, new[] { 1f, 0f } };
        Assert.Equal(new[] { 3f, 2.5f }, CoordinateMedian.Of(vectors));
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 70)]
    [InlineData(7, 1000)]
    [InlineData(10, 3001)]
    [InlineData(50, 777)]
    [InlineData(17, 5000)]
    [InlineData(50, 2900)]
    [InlineData(100, 130)]
    public void Of_RandomMatrix_EqualsSortedColumnMedian(int n, int d)
    {
        var vectors = AggregationTestData.Random(n, d, seed: n + d);
        var median = CoordinateMedian.Of(vectors);
        for (int j = 0; j < d; j++)
        {
            var c = AggregationTestData.Column(vectors, j).Order().ToArray();
            float expected = n % 2 == 1 ? c[n / 2] : (c[(n / 2) - 1] + c[n / 2]) * 0.5f;
            Assert.Equal(expected, median[j]);
        }
    }

    [Fact]
    public void Of_PermutedInputs_GivesIdenticalResult()
    {
        var vectors = AggregationTestData.Random(12, 2000, seed: 4);
        Assert.Equal(CoordinateMedian.Of(vectors), CoordinateMedian.Of(AggregationTestData.Permuted(vectors, 9)));
    }

    [Theory]
    [InlineData(10, 4)]
    [InlineData(11, 5)]
    [InlineData(50, 24)]
    public void Of_MinorityOfHugeAttackers_StaysWithinHonestRange(int n, int f)
    {
        var vectors = AggregationTestData.WithHugeAttackers(n, f, d: 500, seed: n);
        var median = CoordinateMedian.Of(vectors);
        for (int j = 0; j < median.Length; j++)
        {
            var honest = vectors.Skip(f).Select(v => v[j]).ToArray();
            Assert.InRange(median[j], honest.Min(), honest.Max());
        }
    }

    [Fact]
    public void Of_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => CoordinateMedian.Of(new[] { new float[3], new float[4] }));
    }
}
