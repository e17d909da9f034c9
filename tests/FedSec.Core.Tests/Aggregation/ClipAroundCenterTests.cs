using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class ClipAroundCenterTests
{
    [Theory]
    [InlineData(1, 7)]
    [InlineData(5, 4096)]
    [InlineData(9, 10_001)]
    public void Distances_RandomVectors_EqualVectorNormsDistanceExactly(int n, int d)
    {
        var center = AggregationTestData.Random(1, d, seed: d)[0];
        var vectors = AggregationTestData.Random(n, d, seed: n + d);
        var distances = ClipAroundCenter.Distances(vectors, center);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(VectorNorms.Distance(vectors[i], center), distances[i]);
        }
    }

    [Theory]
    [InlineData(6, 33, 2.0)]
    [InlineData(8, 4097, 15.0)]
    [InlineData(4, 9000, 0.01)]
    public void Clip_RandomVectors_EqualsClipAroundOfEachExactly(int n, int d, double bound)
    {
        // Vector i is spread by i/2: the first ones stay inside the bound, the later ones are clipped.
        var rng = new Random(d);
        var center = Enumerable.Range(0, d).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        var vectors = Enumerable.Range(0, n).Select(i => center.Select(c => c + (float)((rng.NextDouble() - 0.5) * i * 0.5)).ToArray()).ToArray();
        var distances = ClipAroundCenter.Distances(vectors, center);
        var clipped = ClipAroundCenter.Clip(vectors, center, bound, distances);
        for (int i = 0; i < n; i++)
        {
            var expected = VectorNorms.ClipAround(vectors[i], center, bound, out double distance);
            if (distance <= bound)
            {
                Assert.Null(clipped[i]);
            }
            else
            {
                Assert.Equal(expected, clipped[i]);
            }
        }

        Assert.Contains(clipped, c => c is null);
        Assert.Contains(clipped, c => c is not null);
    }

    [Fact]
    public void Clip_ManyLongVectors_NeverAboveBound()
    {
        var rng = new Random(3);
        var center = Enumerable.Range(0, 513).Select(_ => (float)(rng.NextDouble() * 100 - 50)).ToArray();
        var vectors = Enumerable.Range(0, 200).Select(_ => center.Select(c => c + (float)((rng.NextDouble() - 0.5) * 10)).ToArray()).ToArray();
        double bound = 0.37;
        var clipped = ClipAroundCenter.Clip(vectors, center, bound, ClipAroundCenter.Distances(vectors, center));
        Assert.All(clipped, c => Assert.True(VectorNorms.Distance(c, center) <= bound));
    }

    [Fact]
    public void Distances_CenterOfOtherLength_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ClipAroundCenter.Distances(new[] { new float[3] }, new float[4]));
        Assert.Contains("4 elements", error.Message, StringComparison.Ordinal);
    }
}
