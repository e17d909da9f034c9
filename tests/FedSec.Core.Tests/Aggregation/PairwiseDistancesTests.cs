using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class PairwiseDistancesTests
{
    [Fact]
    public void Squared_HandCase_EqualsDefinition()
    {
        var d = PairwiseDistances.Squared(new[] { new[] { 0f, 0f }, new[] { 3f, 4f }, new[] { 6f, 8f } });
        Assert.Equal(new double[,] { { 0, 25, 100 }, { 25, 0, 25 }, { 100, 25, 0 } }, d);
    }

    [Fact]
    public void SquaredDirect_HandCase_EqualsDefinition()
    {
        var d = PairwiseDistances.SquaredDirect(new[] { new[] { 0f, 0f }, new[] { 3f, 4f } });
        Assert.Equal(new double[,] { { 0, 25 }, { 25, 0 } }, d);
    }

    [Theory]
    [InlineData(2, 7)]
    [InlineData(5, 1000)]
    [InlineData(3, 2048)]
    [InlineData(13, 4099)]
    [InlineData(30, 20_000)]
    public void Squared_RandomVectors_EqualsDirectDifferences(int n, int dim)
    {
        AssertMatchesDirect(AggregationTestData.Random(n, dim, seed: n));
    }

    [Fact]
    public void Squared_NearlyIdenticalVectorsFarFromOrigin_EqualsDirectDifferences()
    {
        // A common offset of 1000 with differences of 1e-3: the Gram form alone would cancel catastrophically.
        var rng = new Random(4);
        var vectors = Enumerable.Range(0, 9).Select(_ => Enumerable.Range(0, 3000).Select(j => 1000f + (j % 7) + (float)(rng.NextDouble() * 1e-3)).ToArray()).ToArray();
        AssertMatchesDirect(vectors);
    }

    [Fact]
    public void Squared_TightClusterWithHugeOutlier_EqualsDirectDifferences()
    {
        var vectors = AggregationTestData.WithHugeAttackers(12, 1, 2500, seed: 6);
        AssertMatchesDirect(vectors);
    }

    [Fact]
    public void Squared_PermutedInputs_PermutesMatrix()
    {
        var vectors = AggregationTestData.Random(6, 300, seed: 1);
        var reversed = vectors.Reverse().ToArray();
        var a = PairwiseDistances.Squared(vectors);
        var b = PairwiseDistances.Squared(reversed);
        for (int i = 0; i < 6; i++)
        {
            for (int j = 0; j < 6; j++)
            {
                Assert.Equal(a[i, j], b[5 - i, 5 - j], 1e-5 * a[i, j]);
            }
        }
    }

    private static void AssertMatchesDirect(float[][] vectors)
    {
        var gram = PairwiseDistances.Squared(vectors);
        int n = vectors.Length;
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(0, gram[i, i]);
            for (int j = 0; j < n; j++)
            {
                double direct = 0;
                for (int k = 0; k < vectors[i].Length; k++)
                {
                    double diff = (double)vectors[i][k] - vectors[j][k];
                    direct += diff * diff;
                }

                Assert.Equal(gram[i, j], gram[j, i]);
                Assert.True(Math.Abs(gram[i, j] - direct) <= 1e-4 * direct + 1e-12, $"({i}, {j}): {gram[i, j]} vs {direct}.");
            }
        }
    }
}
