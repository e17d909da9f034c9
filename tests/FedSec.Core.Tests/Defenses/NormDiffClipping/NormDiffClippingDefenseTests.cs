using FedSec.Aggregation;
using FedSec.Defenses.NormDiffClipping;
using FedSec.Parameters;
using FedSec.Stages;
using static FedSec.Core.Tests.Defenses.AggregationDefenseFixtures;

namespace FedSec.Core.Tests.Defenses.NormDiffClipping;

public class NormDiffClippingDefenseTests
{
    [Fact]
    public void DefendBeforeAggregation_LongUpdate_ScaledToBoundAlongItsDirection()
    {
        var global = new[] { 1f, 1f };
        var defense = new NormDiffClippingDefense(new NormDiffClippingOptions { NormBound = 1 });

        // Δ = (3, 4), ‖Δ‖ = 5 → (0.6, 0.8).
        var outcome = defense.DefendBeforeAggregation(Updates(new[] { 4f, 5f }), Context(global, 1));
        var w = outcome.Updates[0].Weights;
        Assert.Equal(1.6, w[0], 1e-6);
        Assert.Equal(1.8, w[1], 1e-6);
        Assert.Equal(VerdictKind.Modified, outcome.Verdicts[0].Kind);
        Assert.Equal(5.0, outcome.Verdicts[0].Score!.Value, 1e-6);
        Assert.False(outcome.Verdicts[0].Flagged);
    }

    [Fact]
    public void DefendBeforeAggregation_ShortUpdate_LeftUnchangedAndKept()
    {
        var update = Updates(new[] { 1.1f, 0.9f });
        var outcome = new NormDiffClippingDefense(new NormDiffClippingOptions { NormBound = 1 }).DefendBeforeAggregation(update, Context(new[] { 1f, 1f }, 1));
        Assert.Same(update[0], outcome.Updates[0]);
        Assert.Equal(VerdictKind.Kept, outcome.Verdicts[0].Kind);
    }

    [Fact]
    public void DefendBeforeAggregation_RandomUpdates_NoClippedNormAboveBound()
    {
        var rng = new Random(7);
        var global = Enumerable.Range(0, 999).Select(_ => (float)rng.NextDouble()).ToArray();
        var updates = Enumerable.Range(0, 20).Select(i => new ClientUpdate(i, 5, global.Select(g => g + (float)((rng.NextDouble() - 0.5) * i)).ToArray())).ToArray();
        var outcome = new NormDiffClippingDefense(new NormDiffClippingOptions { NormBound = 2.5 }).DefendBeforeAggregation(updates, Context(global, 20));
        Assert.All(outcome.Updates, u => Assert.True(VectorNorms.Distance(u.Weights, global) <= 2.5));
        Assert.Equal(20, outcome.Updates.Count);
    }

    [Fact]
    public void DefendBeforeAggregation_Buffers_LeftAsSent()
    {
        var layout = BufferLayout(2, 1);
        var global = new[] { 0f, 0f, 0f };
        var outcome = new NormDiffClippingDefense(new NormDiffClippingOptions { NormBound = 1 })
            .DefendBeforeAggregation(Updates(new[] { 30f, 40f, 1000f }), Context(global, 1, layout: layout));
        Assert.Equal(new[] { 0.6f, 0.8f, 1000f }, outcome.Updates[0].Weights.Select(v => MathF.Round(v, 5)));
        Assert.Equal(50.0, outcome.Verdicts[0].Score!.Value, 1e-4);
    }

    [Fact]
    public void DefendBeforeAggregation_SharedRoundBuffers_WritesIntoThemAndEqualsFreshArrays()
    {
        var rng = new Random(11);
        var global = Enumerable.Range(0, 300).Select(_ => (float)rng.NextDouble()).ToArray();
        var defense = new NormDiffClippingDefense(new NormDiffClippingOptions { NormBound = 0.5 });
        var buffers = new RoundBuffers();
        for (int round = 0; round < 3; round++)
        {
            var updates = Enumerable.Range(0, 6).Select(i => new ClientUpdate(i, 5, global.Select(g => g + (float)((rng.NextDouble() - 0.5) * i)).ToArray())).ToArray();
            var fresh = defense.DefendBeforeAggregation(updates, Context(global, 6, round));
            var pooled = defense.DefendBeforeAggregation(updates, Context(global, 6, round, buffers: buffers));
            for (int i = 0; i < updates.Length; i++)
            {
                Assert.Equal(fresh.Updates[i].Weights, pooled.Updates[i].Weights);
                bool clipped = pooled.Verdicts[i].Kind == VerdictKind.Modified;
                Assert.Equal(clipped, buffers.IsRented(pooled.Updates[i].Weights));
            }

            Assert.True(buffers.RentedCount >= 4);

            // The engine's end of round: the next round writes over these vectors.
            foreach (var u in pooled.Updates.Where(u => buffers.IsRented(u.Weights)))
            {
                Array.Fill(u.Weights, float.NaN);
            }

            buffers.Recycle();
        }
    }

    [Fact]
    public void Read_NonPositiveBound_ReportsNormBoundKey()
    {
        var problems = Problems(a => NormDiffClippingOptions.Read(a), 10, ("norm_bound", "0"));
        Assert.Equal("defense_args.norm_bound", Assert.Single(problems).Key);
    }

    [Fact]
    public void Descriptor_NormBound_CreatesBeforeAggregationDefense()
    {
        var defense = Create<IBeforeAggregationDefense>(NormDiffClippingRegistration.Descriptor, 10, ("norm_bound", "3"));
        var outcome = defense.DefendBeforeAggregation(Updates(new[] { 6f, 8f }), Context(new float[2], 1));
        Assert.Equal(3.0, VectorNorms.L2(outcome.Updates[0].Weights), 1e-5);
    }
}
