using FedSec.Defenses.Common;
using FedSec.Randomness;

namespace FedSec.Core.Tests.Defenses.Common;

public class GapStatisticTests
{
    [Fact]
    public void Estimate_TwoSeparatedGroups_FindsAtLeastTwo()
    {
        var rng = new Random(1);
        var values = Enumerable.Range(0, 8).Select(_ => 0.1 + (0.003 * rng.NextGaussian()))
            .Concat(new[] { 0.9, 0.91 }).ToArray();
        Assert.True(GapStatistic.Estimate(values, 10, 20, new SeedStreams(3).Random("gap")) >= 2);
    }

    [Fact]
    public void Estimate_OneGaussianGroup_FindsOne()
    {
        var rng = new Random(2);
        for (int trial = 0; trial < 5; trial++)
        {
            var values = Enumerable.Range(0, 10).Select(_ => 0.1 + (0.01 * rng.NextGaussian())).ToArray();
            Assert.Equal(1, GapStatistic.Estimate(values, 10, 20, new SeedStreams(trial).Random("gap")));
        }
    }

    [Fact]
    public void Estimate_EqualValues_IsOne()
    {
        Assert.Equal(1, GapStatistic.Estimate(new[] { 0.2, 0.2, 0.2 }, 10, 5, new Random(0)));
    }

    [Fact]
    public void Estimate_SameSeed_SameAnswer()
    {
        var values = new[] { 0.1, 0.12, 0.5, 0.52, 0.9, 0.11, 0.51 };
        Assert.Equal(
            GapStatistic.Estimate(values, 5, 10, new SeedStreams(7).Random("gap")),
            GapStatistic.Estimate(values, 5, 10, new SeedStreams(7).Random("gap")));
    }
}
