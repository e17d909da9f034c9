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
