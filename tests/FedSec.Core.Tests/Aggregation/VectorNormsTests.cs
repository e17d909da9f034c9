using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class VectorNormsTests
{
    [Fact]
    public void L2_HandCase_IsFive()
    {
        Assert.Equal(5.0, VectorNorms.L2(new[] { 3f, 4f }));
    }

    [Fact]
    public void L2_List_NormOfEachVector()
    {
        Assert.Equal(new[] { 5.0, 13.0 }, VectorNorms.L2(new[] { new[] { 3f, 4f }, new[] { 5f, -12f } }));
    }

    [Fact]
    public void L2_LongVector_EqualsSquareRootOfDotProduct()
    {
        var x = AggregationTestData.Random(1, 9000, seed: 3)[0];
        Assert.Equal(Math.Sqrt(DotProduct.Of(x, x)), VectorNorms.L2(x));
    }

    [Fact]
    public void ClipAround_ManyLongUpdates_NeverAboveBound()
    {
        var rng = new Random(2);
        for (int trial = 0; trial < 200; trial++)
        {
            var center = Enumerable.Range(0, 257).Select(_ => (float)(rng.NextDouble() * 100 - 50)).ToArray();
            var x = center.Select(c => c + (float)((rng.NextDouble() - 0.5) * 10)).ToArray();
            double bound = rng.NextDouble() * 3 + 0.01;
            var clipped = VectorNorms.ClipAround(x, center, bound, out double before);
            Assert.True(before > bound);
            double after = VectorNorms.Distance(clipped, center);
            Assert.True(after <= bound, $"Trial {trial}: {after} > {bound}.");
            Assert.True(after >= bound * (1 - 1e-4), $"Trial {trial}: clipped to {after}, far below {bound}.");
        }
    }

    [Fact]
    public void ClipAround_ShortUpdate_ReturnsItUnchanged()
    {
        var center = new[] { 1f, 1f, 1f };
        var x = new[] { 1.5f, 0.5f, 1f };
        Assert.Equal(x, VectorNorms.ClipAround(x, center, 1.0, out double distance));
        Assert.Equal(Math.Sqrt(0.5), distance, 1e-7);
    }

    [Fact]
    public void ClipAround_LongUpdate_KeepsDirection()
    {
        var clipped = VectorNorms.ClipAround(new[] { 3f, 4f }, new[] { 0f, 0f }, 1.0, out _);
        Assert.Equal(0.6, clipped[0], 1e-6);
        Assert.Equal(0.8, clipped[1], 1e-6);
    }

    [Fact]
    public void ClipInPlace_LongVector_NormAtMostBoundAndReturnsOldNorm()
    {
        var x = Enumerable.Range(0, 1000).Select(i => (float)Math.Sin(i)).ToArray();
        double norm = VectorNorms.L2(x);
        Assert.Equal(norm, VectorNorms.ClipInPlace(x, 2.5));
        Assert.True(VectorNorms.L2(x) <= 2.5);
        Assert.Equal(2.5, VectorNorms.L2(x), 1e-4);
    }
}
