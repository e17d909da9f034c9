using FedSec.Reporting.Plots;

namespace FedSec.Reporting.Tests.Plots;

public sealed class NiceTicksTests
{
    [Theory]
    [InlineData(1.0, 6, 0.2)]
    [InlineData(0.3, 6, 0.05)]
    [InlineData(45.0, 10, 5.0)]
    [InlineData(0.9, 6, 0.2)]
    public void Step_Span_GivesSmallestNiceStepWithinTickBudget(double span, int maxTicks, double expected) =>
        Assert.Equal(expected, NiceTicks.Step(span, maxTicks), 12);

    [Fact]
    public void Step_IntegerAxisWithShortSpan_IsAtLeastOne() => Assert.Equal(1, NiceTicks.Step(2, 10, integer: true));

    [Fact]
    public void Within_Range_ListsMultiplesOfStepInclusive() =>
        Assert.Equal([0.4, 0.6, 0.8, 1.0], NiceTicks.Within(0.35, 1.0, 0.2).Select(t => Math.Round(t, 10)));

    [Fact]
    public void Label_Step_UsesTheStepsDecimals()
    {
        Assert.Equal("0.25", NiceTicks.Label(0.25, 0.05));
        Assert.Equal("3", NiceTicks.Label(3, 1));
    }
}
