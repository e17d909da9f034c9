using FedSec.Aggregation;
using FedSec.Core.Tests.TestSupport;

namespace FedSec.Core.Tests.Aggregation;

public class WeightedMeanTests
{
    [Fact]
    public void Of_IdenticalUpdates_ReturnsThatUpdate()
    {
        var w = new float[] { 0.5f, -1.25f, 3f, 1e-3f };
        var updates = Enumerable.Range(0, 5).Select(i => Fixtures.Update(i, (float[])w.Clone()) with { AggregationWeight = i + 1 }).ToArray();
        Assert.Equal(w, WeightedMean.Of(updates));
    }

    [Fact]
    public void Of_SampleCountWeights_MatchesHandComputedMean()
    {
        var a = new ClientUpdateBuilder(0, 1, new float[] { 0, 10 });
        var b = new ClientUpdateBuilder(1, 3, new float[] { 4, 2 });
        var mean = WeightedMean.Of(new[] { a.Build(), b.Build() });
        Assert.Equal(3f, mean[0], 5);
        Assert.Equal(4f, mean[1], 5);
    }

    [Fact]
    public void Compute_LargeVector_SameAsSequentialSum()
    {
        var rng = new Random(3);
        var vectors = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 50_000).Select(_ => (float)rng.NextDouble()).ToArray()).ToArray();
        var weights = new double[] { 1, 2, 3, 4 };
        var dest = new float[50_000];
        WeightedMean.Compute(vectors, weights, dest);
        for (int j = 0; j < dest.Length; j += 997)
        {
            double expected = 0;
            for (int i = 0; i < 4; i++)
            {
                expected += weights[i] / 10.0 * vectors[i][j];
            }

            Assert.Equal(expected, dest[j], 5);
        }
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(6, 2048)]
    [InlineData(9, 40_003)]
    public void Compute_AnyShape_EqualsClientOrderDoubleSumBitForBit(int n, int d)
    {
        // The definition, one coordinate at a time: ((0 + x₀w₀) + x₁w₁) + … in double, ÷ Σw, rounded to float. The
        // kernel's blocks, SIMD lanes, groups of four rows and threads must not change a bit of it.
        var vectors = AggregationTestData.Random(n, d, seed: n + d);
        var weights = Enumerable.Range(0, n).Select(i => 0.1 + (i * 0.37)).ToArray();
        var dest = new float[d];
        WeightedMean.Compute(vectors, weights, dest);
        double total = weights.Sum();
        for (int j = 0; j < d; j++)
        {
            double acc = 0;
            for (int i = 0; i < n; i++)
            {
                acc += vectors[i][j] * weights[i];
            }

            Assert.Equal((float)(acc / total), dest[j]);
        }
    }

    [Fact]
    public void Compute_IdenticalVectorsFractionalWeights_ReturnsThatVectorExactly()
    {
        var x = AggregationTestData.Random(1, 5000, seed: 5)[0];
        var vectors = Enumerable.Repeat(x, 7).ToArray();
        var dest = new float[x.Length];
        WeightedMean.Compute(vectors, new[] { 0.1, 0.7, 1.3, 2.9, 0.05, 3, 1.0 / 3 }, dest);
        Assert.Equal(x, dest);
    }

    [Fact]
    public void Compute_ZeroWeightOnNaN_IgnoresThatVector()
    {
        var dest = new float[3];
        WeightedMean.Compute(new[] { new[] { 1f, 2f, 3f }, new[] { float.NaN, 0f, 0f } }, new[] { 2.0, 0 }, dest);
        Assert.Equal(new[] { 1f, 2f, 3f }, dest);
    }

    [Fact]
    public void Unweighted_ThreeVectors_IsCoordinateMean()
    {
        var mean = WeightedMean.Unweighted(new[] { new[] { 1f, 2f }, new[] { 3f, 2f }, new[] { 5f, 8f } });
        Assert.Equal(new[] { 3f, 4f }, mean);
    }

    [Fact]
    public void Unweighted_Allocator_WritesIntoTheGivenVector()
    {
        var given = new float[2];
        var mean = WeightedMean.Unweighted(new[] { new[] { 1f, 2f }, new[] { 3f, 4f } }, _ => given);
        Assert.Same(given, mean);
        Assert.Equal(new[] { 2f, 3f }, given);
    }

    [Fact]
    public void Compute_ZeroTotalWeight_Throws()
    {
        Assert.Throws<ArgumentException>(() => WeightedMean.Compute(new[] { new float[2] }, new double[] { 0 }, new float[2]));
    }

    private sealed record ClientUpdateBuilder(int Id, int Samples, float[] Weights)
    {
        public FedSec.Parameters.ClientUpdate Build() => new(Id, Samples, Weights);
    }
}
