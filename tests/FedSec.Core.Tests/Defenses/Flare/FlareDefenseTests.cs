using FedSec.Core.Tests.Defenses.Common;
using FedSec.Defenses.Flare;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.Flare;

public class FlareDefenseTests
{
    private static (AggregationOutcome Outcome, float[] Global, ClientUpdate[] Updates) Run(int seed, int n, int poisoned)
    {
        var probe = ProbeScenario.Probe();
        var global = ProbeScenario.Global(probe, seed);
        var updates = ProbeScenario.Updates(probe, global, seed, n, 0);
        var rng = new Random(seed + 7);
        var enc = probe.Layout["enc.weight"];
        for (int i = n - poisoned; i < n; i++)
        {
            // A poisoned model: its encoder is moved far in a direction of its own.
            var w = (float[])updates[i].Weights.Clone();
            for (int j = 0; j < enc.Length; j++)
            {
                w[enc.Offset + j] += (float)(2 * rng.NextGaussian());
            }

            updates[i] = updates[i].WithWeights(w);
        }

        var context = ProbeScenario.Context(probe, probe.Layout, global, n, ProbeScenario.Samples(20, seed));
        return (new FlareDefense(new FlareOptions()).DefendOnAggregation(updates, context), global, updates);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 1)]
    public void DefendOnAggregation_FewPoisonedModels_GetLessTrustThanEveryHonestOne(int seed, int poisoned)
    {
        var (outcome, global, updates) = Run(seed, 10, poisoned);
        // No honest client is named less often than a poisoned one, and the poisoned ones get a hundredth of the uniform
        // weight 1/n or less (an honest client may be named by nobody too: the counts of the honest vary).
        double worstHonest = outcome.Verdicts.Take(10 - poisoned).Min(v => v.Weight);
        Assert.All(outcome.Verdicts.Skip(10 - poisoned), v => Assert.True(v.Weight <= worstHonest && v.Weight < 0.001, $"client {v.ClientId}: trust {v.Weight}, worst honest {worstHonest}"));
        Assert.True(outcome.Verdicts.Take(10 - poisoned).Sum(v => v.Weight) > 0.99);
        Assert.Equal(1, outcome.Verdicts.Sum(v => v.Weight), 9);
        Assert.All(outcome.Verdicts, v => Assert.Equal(VerdictKind.Reweighted, v.Kind));

        // The aggregate is nearer the honest mean than FedAvg's plain mean is.
        var honestMean = Mean(updates.Take(10 - poisoned));
        Assert.True(Distance(outcome.Weights, honestMean) < Distance(Mean(updates), honestMean) / 5);
    }

    [Fact]
    public void DefendOnAggregation_TwoClients_EachNamesTheOther_EqualTrustMeanUpdate()
    {
        var probe = ProbeScenario.Probe();
        var global = ProbeScenario.Global(probe, 0);
        var updates = ProbeScenario.Updates(probe, global, 0, 2, 0);
        var outcome = new FlareDefense(new FlareOptions()).DefendOnAggregation(updates, ProbeScenario.Context(probe, probe.Layout, global, 2, ProbeScenario.Samples(5, 0)));
        Assert.Equal(new[] { 0.5, 0.5 }, outcome.Verdicts.Select(v => v.Weight));
        Assert.Equal(new double?[] { 1, 1 }, outcome.Verdicts.Select(v => v.Score));
        for (int j = 0; j < global.Length; j++)
        {
            Assert.Equal(global[j] + (0.5 * ((updates[0].Weights[j] - global[j]) + (updates[1].Weights[j] - global[j]))), outcome.Weights[j], 5);
        }
    }

    [Fact]
    public void Counts_HandCase_MmdOrderOfPlrSets()
    {
        // PLR sets {p, p} at p = 0, 0.1, 0.2, 3: MMD = 2 − 2·exp(−γ(p − q)²) grows with |p − q|, so the counts are those of
        // the points on a line with k = 2 (ties to the lower index): 2, 3, 3, 0.
        var plrs = new[] { 0f, 0.1f, 0.2f, 3f }.Select(p => new[] { new[] { p }, new[] { p } }).ToArray();
        Assert.Equal(new[] { 2, 3, 3, 0 }, FlareDefense.Counts(plrs));
    }

    [Fact]
    public void DefendOnAggregation_NoServerSamples_ThrowsNamingRootSetSize()
    {
        var probe = ProbeScenario.Probe();
        var global = ProbeScenario.Global(probe, 0);
        var context = ProbeScenario.Context(probe, probe.Layout, global, 2);
        var e = Assert.Throws<InvalidOperationException>(() => new FlareDefense(new FlareOptions()).DefendOnAggregation(ProbeScenario.Updates(probe, global, 0, 2, 0), context));
        Assert.Contains("root_set_size = 100", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RootSetSize_FromOptions_IsWhatTheEngineHoldsOut()
    {
        var defense = new FlareDefense(new FlareOptions { AuxiliarySamples = 40 });
        Assert.Equal(40, ((INeedsServerData)defense).RootSetSize);
        Assert.True(((INeedsModelProbe)defense).NeedsFeatures);
    }

    [Fact]
    public void Read_BadValues_AreRejectedNamingTheKeys()
    {
        var problems = AggregationDefenseFixtures.Problems(a => FlareOptions.Read(a), 10, ("flare_temperature", 0.0), ("root_set_size", 0));
        Assert.Contains(problems, p => p.Key.EndsWith("flare_temperature", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Key.EndsWith("root_set_size", StringComparison.Ordinal));
    }

    private static float[] Mean(IEnumerable<ClientUpdate> updates)
    {
        var list = updates.ToArray();
        return Enumerable.Range(0, list[0].Weights.Length).Select(j => (float)list.Average(u => u.Weights[j])).ToArray();
    }

    private static double Distance(float[] a, float[] b) => Math.Sqrt(a.Zip(b, (x, y) => (double)(x - y) * (x - y)).Sum());
}
