using FedSec.Core.Tests.Defenses.Common;
using FedSec.Defenses.DeepSight;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.DeepSight;

public class DeepSightDefenseTests
{
    private static readonly DeepSightOptions Small = new() { NumSeeds = 2, NumSamples = 300 };

    private static (AggregationOutcome Outcome, RoundContext Context, ClientUpdate[] Updates, FakeProbe Probe) Run(int seed, int n, int attackers, DeepSightOptions? options = null)
    {
        var probe = ProbeScenario.Probe();
        var global = ProbeScenario.Global(probe, seed);
        var updates = ProbeScenario.Updates(probe, global, seed, n, attackers);
        var context = ProbeScenario.Context(probe, probe.Layout, global, n);
        return (new DeepSightDefense(options ?? Small).DefendOnAggregation(updates, context), context, updates, probe);
    }

    /// <summary>
    /// Backdoor models that HDBSCAN can see as a cluster of their own (at least the minimum cluster size, 5, and dense at
    /// min_samples 3) are removed; every honest model is kept.
    /// </summary>
    [Theory]
    [InlineData(0, 20, 6)]
    [InlineData(1, 20, 5)]
    [InlineData(2, 30, 5)]
    [InlineData(3, 30, 8)]
    [InlineData(4, 20, 6)]
    public void DefendOnAggregation_BackdoorGroup_RemovedAndEveryHonestOneKept(int seed, int n, int attackers)
    {
        var (outcome, _, _, _) = Run(seed, n, attackers);
        Assert.All(outcome.Verdicts.Take(n - attackers), v => Assert.NotEqual(VerdictKind.Removed, v.Kind));
        Assert.All(outcome.Verdicts.Skip(n - attackers), v => Assert.Equal(VerdictKind.Removed, v.Kind));
    }

    /// <summary>
    /// One or two backdoor models among ten are too few for a cluster of their own (HDBSCAN finds only the whole round,
    /// which the per-signal clusterings may not select): the ensemble keeps every model together and DeepSight's
    /// clipping is what remains. The honest models are kept; the larger backdoor updates are clipped to the median norm.
    /// </summary>
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    public void DefendOnAggregation_OneOrTwoBackdoorsAmongTen_ClippedAndHonestKept(int seed, int attackers)
    {
        var (outcome, _, _, _) = Run(seed, 10, attackers);
        Assert.All(outcome.Verdicts.Take(10 - attackers), v => Assert.NotEqual(VerdictKind.Removed, v.Kind));
        Assert.All(outcome.Verdicts.Skip(10 - attackers), v => Assert.Equal(VerdictKind.Modified, v.Kind));
    }

    [Fact]
    public void DefendOnAggregation_BackdoorUpdate_HasOneThresholdExceedingAsItsScore()
    {
        var (outcome, _, _, _) = Run(0, 20, 6);
        Assert.All(outcome.Verdicts.Skip(14), v => Assert.Equal(1, v.Score));
        Assert.All(outcome.Verdicts.Take(14), v => Assert.True(v.Score > 4, $"client {v.ClientId}: TE {v.Score}"));
    }

    [Fact]
    public void DefendOnAggregation_Accepted_ClippedToTheMedianNormAndAveragedBySampleCount()
    {
        // Seed 1, two backdoors among ten: every model is accepted (see above), so the aggregate is the sample-count
        // weighted mean of all ten, each clipped to the median of the ten norms.
        var (outcome, context, updates, _) = Run(1, 10, 2);
        var global = context.Global.ToArray();
        var norms = updates.Select(u => DefenseTestData.Norm(DefenseTestData.Delta(u, global))).ToArray();
        double median = norms.Order().Skip(4).Take(2).Average();
        var expected = new double[global.Length];
        double total = 0;
        for (int i = 0; i < 10; i++)
        {
            double scale = Math.Min(1, median / norms[i]);
            var delta = DefenseTestData.Delta(updates[i], global);
            for (int j = 0; j < global.Length; j++)
            {
                expected[j] += updates[i].SampleCount * (global[j] + (scale * delta[j]));
            }

            total += updates[i].SampleCount;
            Assert.Equal(norms[i] > median ? VerdictKind.Modified : VerdictKind.Kept, outcome.Verdicts[i].Kind);
        }

        for (int j = 0; j < global.Length; j++)
        {
            Assert.Equal(expected[j] / total, outcome.Weights[j], 4);
        }
    }

    [Fact]
    public void DefendOnAggregation_NoAttacker_KeepsEveryUpdate()
    {
        var (outcome, _, _, _) = Run(5, 10, 0);
        Assert.DoesNotContain(outcome.Verdicts, v => v.Kind == VerdictKind.Removed);
    }

    [Fact]
    public void DefendOnAggregation_ProbesGlobalAndEveryModelOnEachBatchOfEachSeed()
    {
        // 300 samples in batches of 256: 2 batches; 2 seeds; 10 clients + the global model.
        var (_, _, _, probe) = Run(0, 10, 1);
        Assert.Equal(2 * 2 * 11, probe.Calls);
    }

    [Fact]
    public void DefendOnAggregation_SameInputs_SameAggregate()
    {
        Assert.Equal(Run(3, 10, 2).Outcome.Weights, Run(3, 10, 2).Outcome.Weights);
    }

    [Fact]
    public void DefendOnAggregation_NoProbe_ThrowsNamingIt()
    {
        var probe = ProbeScenario.Probe();
        var global = ProbeScenario.Global(probe, 0);
        var context = ProbeScenario.Context(null, probe.Layout, global, 3);
        var e = Assert.Throws<InvalidOperationException>(() => new DeepSightDefense(Small).DefendOnAggregation(ProbeScenario.Updates(probe, global, 0, 3, 0), context));
        Assert.Contains("RoundContext.Probe", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadValues_AreRejectedNamingTheKeys()
    {
        var problems = AggregationDefenseFixtures.Problems(a => DeepSightOptions.Read(a), 10, ("deepsight_tau", 0.0), ("deepsight_num_samples", 0), ("deepsight_threshold_factor", 1.5), ("deepsight_min_cluster_size", 1));
        Assert.Contains(problems, p => p.Key.EndsWith("deepsight_tau", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Key.EndsWith("deepsight_num_samples", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Key.EndsWith("deepsight_threshold_factor", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Key.EndsWith("deepsight_min_cluster_size", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_Defaults_AreThePapers()
    {
        var o = new DeepSightOptions();
        Assert.Equal(3, o.NumSeeds);
        Assert.Equal(20000, o.NumSamples);
        Assert.Equal(0.01, o.ThresholdFactor);
        Assert.Equal(1.0 / 3, o.Tau);
    }
}
