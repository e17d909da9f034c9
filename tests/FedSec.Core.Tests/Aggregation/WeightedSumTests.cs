using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class WeightedSumTests
{
    [Fact]
    public void Compute_DivisorOne_IsThePlainWeightedSum()
    {
        var dest = new float[2];
        WeightedSum.Compute(new[] { new[] { 1f, 2f }, new[] { 3f, -1f } }, new[] { 2.0, -0.5 }, 1, dest);
        Assert.Equal(new[] { 0.5f, 4.5f }, dest);
    }

    [Fact]
    public void Compute_NegativeZeroEverywhere_GivesPositiveZero()
    {
        // (0 + (−0)·c) is +0: the sum starts at +0 as the definition does, not at the first product.
        var dest = new float[3];
        WeightedSum.Compute(new[] { new[] { -0f, -0f, -0f } }, new[] { 1.0 }, 1, dest);
        Assert.All(dest, v => Assert.False(float.IsNegative(v)));
    }
}
