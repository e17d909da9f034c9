using FedSec.Defenses.Bulyan;
using FedSec.Parameters;
using FedSec.Stages;
using static FedSec.Core.Tests.Defenses.AggregationDefenseFixtures;

namespace FedSec.Core.Tests.Defenses.Bulyan;

public class BulyanDefenseTests
{
    [Fact]
    public void DefendOnAggregation_HugeAttackers_StaysWithinHonestRangeAndRemovesThem()
    {
        // n = 11 ≥ 4f + 3 with f = 2; attackers 0 and 1 send ±1e6.
        var rng = new Random(4);
        int n = 11, d = 300;
        var updates = Enumerable.Range(0, n).Select(i => new ClientUpdate(i, 10, Enumerable.Range(0, d)
            .Select(_ => i < 2 ? (float)(rng.Next(2) == 0 ? 1e6 : -1e6) : 1f + (float)(rng.NextDouble() * 0.2 - 0.1)).ToArray())).ToArray();
        var outcome = new BulyanDefense(new BulyanOptions { ByzantineClientNum = 2 }).DefendOnAggregation(updates, Context(new float[d], n));
        for (int j = 0; j < d; j++)
        {
            var honest = updates.Skip(2).Select(u => u.Weights[j]).ToArray();
            Assert.InRange(outcome.Weights[j], honest.Min(), honest.Max());
        }

        Assert.Equal(VerdictKind.Removed, outcome.Verdicts[0].Kind);
        Assert.Equal(VerdictKind.Removed, outcome.Verdicts[1].Kind);
        Assert.Equal(4, outcome.Verdicts.Count(v => v.Kind == VerdictKind.Removed));
        Assert.Equal(n - 4, outcome.Verdicts.Count(v => v.Kind == VerdictKind.Kept));
    }

    [Fact]
    public void DefendOnAggregation_OneDimensionHandCase_MeanOfNearestToMedianOfSelection()
    {
        // n = 7, f = 1: θ = 5 picked by iterated Krum, β = 3. Honest 0..5, attacker 100.
        // Iterated Krum (ties to the smaller total distance) picks 3, 2, 4, 1, 5, leaving out 100 and 0.
        // Median of 1..5 is 3; its 3 nearest are 2, 3, 4 → 3.
        var updates = Updates(new[] { 100f }, new[] { 3f }, new[] { 0f }, new[] { 5f }, new[] { 2f }, new[] { 4f }, new[] { 1f });
        var outcome = new BulyanDefense(new BulyanOptions { ByzantineClientNum = 1 }).DefendOnAggregation(updates, Context(new float[1], 7));
        Assert.Equal(3f, outcome.Weights[0], 1e-6f);
        Assert.Equal(new[] { 0, 2 }, outcome.Verdicts.Select((v, i) => (v, i)).Where(p => p.v.Kind == VerdictKind.Removed).Select(p => p.i));
    }

    [Theory]
    [InlineData(200)]   // distances compared directly
    [InlineData(4096)]  // distances from the blocked Gram kernel (d ≥ PairwiseDistances.DirectBelow)
    public void DefendOnAggregation_PermutedUpdates_SameModel(int d)
    {
        var rng = new Random(2);
        var updates = Enumerable.Range(0, 9).Select(i => new ClientUpdate(i, 10, Enumerable.Range(0, d).Select(_ => (float)rng.NextDouble()).ToArray())).ToArray();
        var defense = new BulyanDefense(new BulyanOptions { ByzantineClientNum = 1 });
        var a = defense.DefendOnAggregation(updates, Context(new float[d], 9)).Weights;
        var b = defense.DefendOnAggregation(updates.Reverse().ToArray(), Context(new float[d], 9)).Weights;
        Assert.Equal(a, b);
    }

    [Fact]
    public void Read_TooFewClients_ReportsByzantineClientNumNamingClientNumPerRound()
    {
        var problems = Problems(a => BulyanOptions.Read(a), 10, ("byzantine_client_num", "2"));
        var p = Assert.Single(problems);
        Assert.Equal("defense_args.byzantine_client_num", p.Key);
        Assert.Contains("client_num_per_round", p.Message, StringComparison.Ordinal);
        Assert.Contains("4f + 3", p.Message, StringComparison.Ordinal);
        Assert.Contains("at most 1", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptor_EnoughClients_CreatesOnAggregationDefense()
    {
        Create<IOnAggregationDefense>(BulyanRegistration.Descriptor, 11, ("byzantine_client_num", "2"));
    }
}
