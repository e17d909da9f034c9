using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class CombineAndMeasureTests
{
    [Fact]
    public void Run_HandCase_CombinesThenMeasuresToNewPoint()
    {
        var points = new[] { new[] { 0f, 0f }, new[] { 4f, 0f } };
        var z = new[] { 2f, 2f };

        // z ← 0.5·(2, 2) + 0.25·(0, 0) + 0.25·(4, 0) = (2, 1); squared distances 5 and 5.
        var squared = CombineAndMeasure.Run(points, new[] { 0.25, 0.25 }, 0.5, z);
        Assert.Equal(new[] { 2f, 1f }, z);
        Assert.All(squared, s => Assert.Equal(5.0, s, 1e-6));
    }

    [Fact]
    public void Run_LongVectors_SameAsSeparateMeanAndDistances()
    {
        var points = AggregationTestData.Random(5, 10_000, seed: 3);
        var z = new float[10_000];
        var squared = CombineAndMeasure.Run(points, new[] { 0.2, 0.2, 0.2, 0.2, 0.2 }, 0, z);
        var mean = new float[10_000];
        WeightedMean.Compute(points, new[] { 1.0, 1, 1, 1, 1 }, mean);
        for (int j = 0; j < mean.Length; j++)
        {
            Assert.Equal(mean[j], z[j], 1e-5f);
        }

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(PairwiseDistances.SquaredDistance(points[i], mean), squared[i], 1e-3);
        }
    }
}
