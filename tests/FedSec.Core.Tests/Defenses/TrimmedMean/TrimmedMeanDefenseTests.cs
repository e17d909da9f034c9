using FedSec.Defenses.TrimmedMean;
using FedSec.Stages;
using static FedSec.Core.Tests.Defenses.AggregationDefenseFixtures;

namespace FedSec.Core.Tests.Defenses.TrimmedMean;

public class TrimmedMeanDefenseTests
{
    [Fact]
    public void DefendOnAggregation_BetaPointTwoOfTen_DropsTwoPerSide()
    {
        // Values 1..10 in scrambled client order: drop 1, 2 and 9, 10 → mean(3..8) = 5.5.
        var values = new[] { 7f, 1f, 10f, 3f, 5f, 9f, 2f, 8f, 4f, 6f };
        var updates = Updates(values.Select(v => new[] { v, -v }).ToArray());
        var w = new TrimmedMeanDefense(new TrimmedMeanOptions { Beta = 0.2 }).DefendOnAggregation(updates, Context(new float[2], 10)).Weights;
        Assert.Equal(new[] { 5.5f, -5.5f }, w);
    }

    [Fact]
    public void DefendOnAggregation_BetaCoversAttackers_StaysWithinHonestRange()
    {
        var honest = new[] { 0.9f, 1.0f, 1.1f, 0.95f, 1.05f, 1.02f, 0.98f };
        var updates = Updates(honest.Select(v => new[] { v }).Concat(new[] { new[] { 1e6f }, new[] { 1e6f }, new[] { -1e6f } }).ToArray());
        var w = new TrimmedMeanDefense(new TrimmedMeanOptions { Beta = 0.3 }).DefendOnAggregation(updates, Context(new float[1], 10)).Weights;
        Assert.InRange(w[0], honest.Min(), honest.Max());
    }

    [Fact]
    public void DefendOnAggregation_PermutedUpdates_SameModel()
    {
        var rng = new Random(3);
        var updates = Updates(Enumerable.Range(0, 10).Select(_ => Enumerable.Range(0, 100).Select(_ => (float)rng.NextDouble()).ToArray()).ToArray());
        var defense = new TrimmedMeanDefense(new TrimmedMeanOptions { Beta = 0.1 });
        var a = defense.DefendOnAggregation(updates, Context(new float[100], 10)).Weights;
        var b = defense.DefendOnAggregation(updates.Reverse().ToArray(), Context(new float[100], 10)).Weights;
        Assert.Equal(a, b);
    }

    [Fact]
    public void Read_BetaHalf_ReportsBetaKey()
    {
        var problems = Problems(a => TrimmedMeanOptions.Read(a), 10, ("beta", "0.5"));
        Assert.Equal("defense_args.beta", Assert.Single(problems).Key);
    }

    [Fact]
    public void Descriptor_DefaultBeta_IsPointOne()
    {
        Create<IOnAggregationDefense>(TrimmedMeanRegistration.Descriptor, 10);
        Assert.Equal(0.1, TrimmedMeanOptions.BetaKey.Default);
    }
}
