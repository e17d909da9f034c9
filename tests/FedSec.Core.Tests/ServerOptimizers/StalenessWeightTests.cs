using FedSec.Configuration;
using FedSec.ServerOptimizers;

namespace FedSec.Core.Tests.ServerOptimizers;

public sealed class StalenessWeightTests
{
    [Theory]
    [InlineData(StalenessFunction.Constant, 0, 0.5, 4, 1.0)]
    [InlineData(StalenessFunction.Constant, 9, 0.5, 4, 1.0)]
    [InlineData(StalenessFunction.Polynomial, 0, 0.5, 4, 1.0)]
    [InlineData(StalenessFunction.Polynomial, 3, 0.5, 4, 0.5)] // 4^−½
    [InlineData(StalenessFunction.Polynomial, 7, 1.0, 4, 0.125)] // 8^−1
    [InlineData(StalenessFunction.Hinge, 4, 2.0, 4, 1.0)] // k ≤ b
    [InlineData(StalenessFunction.Hinge, 6, 2.0, 4, 0.2)] // 1/(2·2 + 1)
    public void Of_EachFunction_GivesXiesWeight(StalenessFunction function, int staleness, double a, int b, double expected) =>
        Assert.Equal(expected, StalenessWeight.Of(function, staleness, a, b), 12);

    [Fact]
    public void Of_NegativeStaleness_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StalenessWeight.Of(StalenessFunction.Constant, -1, 0.5, 4));
}
