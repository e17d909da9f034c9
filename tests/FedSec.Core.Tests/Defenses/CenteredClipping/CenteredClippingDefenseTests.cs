using FedSec.Aggregation;
using FedSec.Defenses.CenteredClipping;
using FedSec.Parameters;
using FedSec.Stages;
using static FedSec.Core.Tests.Defenses.AggregationDefenseFixtures;

namespace FedSec.Core.Tests.Defenses.CenteredClipping;

public class CenteredClippingDefenseTests
{
    [Fact]
    public void DefendOnAggregation_InfiniteTau_IsGlobalPlusMeanUpdate()
    {
        var global = new[] { 1f, -1f };
        var updates = new[]
        {
            new ClientUpdate(0, 1, new[] { 2f, 0f }), new ClientUpdate(1, 50, new[] { 4f, -3f }), new ClientUpdate(2, 7, new[] { 0f, 2f }),
        };
        var defense = new CenteredClippingDefense(new CenteredClippingOptions { Tau = double.PositiveInfinity, Iterations = 3 });
        var outcome = defense.DefendOnAggregation(updates, Context(global, 3));

        // Unweighted (1/m) as in the paper: mean of the updates is (2, −1/3).
        Assert.Equal(2f, outcome.Weights[0], 1e-6f);
        Assert.Equal(-1f / 3, outcome.Weights[1], 1e-6f);
        Assert.All(outcome.Verdicts, v => Assert.Equal(VerdictKind.Kept, v.Kind));
    }

    [Fact]
    public void DefendOnAggregation_SmallTau_StepBoundedByTau()
    {
        var rng = new Random(2);
        var global = new float[20];
        var updates = Enumerable.Range(0, 6).Select(i => new ClientUpdate(i, 10, Enumerable.Range(0, 20).Select(_ => (float)(rng.NextDouble() * 10)).ToArray())).ToArray();
        var defense = new CenteredClippingDefense(new CenteredClippingOptions { Tau = 0.5, Iterations = 1 });
        var outcome = defense.DefendOnAggregation(updates, Context(global, 6));

        // One step from v = 0: v = (1/m) Σ clip(Δᵢ, τ) has norm at most τ.
        Assert.True(VectorNorms.Distance(outcome.Weights, global) <= 0.5 + 1e-6);
        Assert.All(outcome.Verdicts, v => Assert.Equal(VerdictKind.Modified, v.Kind));
    }

    [Fact]
    public void DefendOnAggregation_HandCaseOneStep_MatchesDefinition()
    {
        // G = 0, v = 0, τ = 1: Δ = (3, 4) clipped to (0.6, 0.8); Δ = (0.5, 0) kept. v = ((0.6 + 0.5)/2, 0.8/2).
        var updates = Updates(new[] { 3f, 4f }, new[] { 0.5f, 0f });
        var outcome = new CenteredClippingDefense(new CenteredClippingOptions { Tau = 1 }).DefendOnAggregation(updates, Context(new float[2], 2));
        Assert.Equal(0.55f, outcome.Weights[0], 1e-6f);
        Assert.Equal(0.4f, outcome.Weights[1], 1e-6f);
        Assert.Equal(VerdictKind.Modified, outcome.Verdicts[0].Kind);
        Assert.Equal(5.0, outcome.Verdicts[0].Score!.Value, 1e-5);
        Assert.Equal(VerdictKind.Kept, outcome.Verdicts[1].Kind);
    }

    [Fact]
    public void DefendOnAggregation_SecondRound_StartsFromPreviousAggregatedUpdate()
    {
        var defense = new CenteredClippingDefense(new CenteredClippingOptions { Tau = 1 });

        // Round 0: G = 0, Δ = 0.5 is within τ → v = 0.5.
        Assert.Equal(0.5f, defense.DefendOnAggregation(Updates(new[] { 0.5f }), Context(new[] { 0f }, 1, round: 0)).Weights[0], 1e-6f);

        // Round 1: G = 10, Δ = 100 deviates 99.5 from v = 0.5, clipped to 1 → v = 1.5 → 11.5 (from v = 0 it would be 11).
        var second = defense.DefendOnAggregation(Updates(new[] { 110f }), Context(new[] { 10f }, 1, round: 1));
        Assert.Equal(11.5f, second.Weights[0], 1e-5f);
        Assert.Equal(99.5, second.Verdicts[0].Score!.Value, 1e-4);
    }

    [Fact]
    public void DefendOnAggregation_Buckets_ClipBucketMeansAndIgnoreInputOrder()
    {
        var rng = new Random(5);
        var updates = Enumerable.Range(0, 8).Select(i => new ClientUpdate(i, 10, Enumerable.Range(0, 30).Select(_ => (float)rng.NextDouble()).ToArray())).ToArray();
        var options = new CenteredClippingOptions { Tau = 0.3, BucketSize = 3 };
        var a = new CenteredClippingDefense(options).DefendOnAggregation(updates, Context(new float[30], 8));
        var b = new CenteredClippingDefense(options).DefendOnAggregation(updates.Reverse().ToArray(), Context(new float[30], 8));
        Assert.True(VectorNorms.Distance(a.Weights, b.Weights) <= 1e-5);
        Assert.True(VectorNorms.L2(a.Weights) <= 0.3 + 1e-6);
    }

    [Fact]
    public void Read_BucketLargerThanRound_ReportsBucketSizeKey()
    {
        var problems = Problems(a => CenteredClippingOptions.Read(a), 10, ("bucket_size", "11"));
        Assert.Equal("defense_args.bucket_size", Assert.Single(problems).Key);
    }

    [Fact]
    public void Descriptor_FedMLKeys_CreatesOnAggregationDefense()
    {
        Create<IOnAggregationDefense>(CenteredClippingRegistration.Descriptor, 10, ("tau", "5"), ("bucket_size", "2"), ("cclip_iterations", "3"));
    }

    [Fact]
    public void StateBytes_BeforeAndAfterARound_ZeroThenThePreviousAggregateOfDFloats()
    {
        var global = new float[20];
        var updates = Enumerable.Range(0, 4).Select(i => new ClientUpdate(i, 10, Enumerable.Repeat((float)i, 20).ToArray())).ToArray();
        var defense = new CenteredClippingDefense(new CenteredClippingOptions { Tau = 1, Iterations = 1 });
        Assert.Equal(0, defense.StateBytes);
        defense.DefendOnAggregation(updates, Context(global, 4));
        Assert.Equal(20 * 4, defense.StateBytes);
        defense.DefendOnAggregation(updates, Context(global, 4));
        Assert.Equal(20 * 4, defense.StateBytes);
    }
}
