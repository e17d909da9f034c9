using FedSec.Defenses.Common;

namespace FedSec.Core.Tests.Defenses.Common;

public class VectorMathTests
{
    [Fact]
    public void Dot_SmallVectors_EqualsSumOfProducts()
    {
        Assert.Equal(1 * 4 + 2 * -5 + 3 * 6, VectorMath.Dot(new float[] { 1, 2, 3 }, new float[] { 4, -5, 6 }), 12);
    }

    [Fact]
    public void Dot_LongVector_AccumulatesAcrossBlocks()
    {
        var x = Enumerable.Repeat(1f, 10_000).ToArray();
        Assert.Equal(10_000, VectorMath.Dot(x, x), 9);
    }

    [Fact]
    public void Cosine_ZeroVector_IsZero()
    {
        Assert.Equal(0, VectorMath.Cosine(new float[] { 0, 0 }, new float[] { 1, 2 }));
    }

    [Fact]
    public void CosineSimilarities_ThreeVectors_MatchHandValues()
    {
        var c = VectorMath.CosineSimilarities(new[] { new float[] { 1, 0 }, new float[] { 1, 1 }, new float[] { 0, 0 } });
        Assert.Equal(1, c[0, 0], 12);
        Assert.Equal(1 / Math.Sqrt(2), c[0, 1], 12);
        Assert.Equal(c[0, 1], c[1, 0], 15);
        Assert.Equal(0, c[2, 2]);
        Assert.Equal(0, c[0, 2]);
    }

    [Fact]
    public void Distances_ThreeFourFive_IsFive()
    {
        var d = VectorMath.Distances(new[] { new float[] { 0, 0 }, new float[] { 3, 4 } });
        Assert.Equal(5, d[0, 1], 12);
        Assert.Equal(0, d[1, 1]);
    }

    [Fact]
    public void Median_EvenCount_IsMeanOfMiddleValues()
    {
        Assert.Equal(2.5, VectorMath.Median(new double[] { 4, 1, 3, 2 }));
        Assert.Equal(3, VectorMath.Median(new double[] { 5, 1, 3 }));
    }
}
