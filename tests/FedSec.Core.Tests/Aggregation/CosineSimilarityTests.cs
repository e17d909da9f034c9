using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class CosineSimilarityTests
{
    [Fact]
    public void Of_ZeroVector_IsZero()
    {
        Assert.Equal(0, CosineSimilarity.Of(new float[] { 0, 0 }, new float[] { 1, 2 }));
    }

    [Fact]
    public void Of_OppositeVectors_IsMinusOne()
    {
        Assert.Equal(-1, CosineSimilarity.Of(new float[] { 1, 2 }, new float[] { -2, -4 }), 12);
    }

    [Fact]
    public void Matrix_ThreeVectors_MatchHandValues()
    {
        var c = CosineSimilarity.Matrix(new[] { new float[] { 1, 0 }, new float[] { 1, 1 }, new float[] { 0, 0 } });
        Assert.Equal(1, c[0, 0]);
        Assert.Equal(1 / Math.Sqrt(2), c[0, 1], 12);
        Assert.Equal(c[0, 1], c[1, 0]);
        Assert.Equal(0, c[2, 2]);
        Assert.Equal(0, c[0, 2]);
    }

    [Fact]
    public void Matrix_AnyPair_EqualsOf()
    {
        var vectors = AggregationTestData.Random(4, 5000, seed: 8);
        var c = CosineSimilarity.Matrix(vectors);
        Assert.Equal(CosineSimilarity.Of(vectors[1], vectors[3]), c[1, 3]);
    }
}
