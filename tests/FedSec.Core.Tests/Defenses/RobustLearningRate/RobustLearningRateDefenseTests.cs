using FedSec.Defenses.RobustLearningRate;
using FedSec.Parameters;
using FedSec.Stages;
using static FedSec.Core.Tests.Defenses.AggregationDefenseFixtures;

namespace FedSec.Core.Tests.Defenses.RobustLearningRate;

public class RobustLearningRateDefenseTests
{
    [Fact]
    public void DefendOnAggregation_HandCase_FlipsExactlyWhereVoteBelowThreshold()
    {
        // θ = 4, five clients of equal weight. Update signs per coordinate (Δ = w − G):
        // c0: + + + + +  vote 5 → lr +1, mean Δ 1      → G + 1
        // c1: + + + − −  vote 1 → lr −1, mean Δ 0.2    → G − 0.2
        // c2: + + + + −  vote 3 → lr −1, mean Δ 1      → G − 1   (Δ = 2, 2, 2, 2, −3)
        // c3: + + + + 0  vote 4 → lr +1, mean Δ 0.8    → G + 0.8
        // G has mixed signs, so votes on weight signs (FedML) would differ.
        var g = new[] { -5f, 5f, -5f, 5f };
        var deltas = new[]
        {
            new[] { 1f, 1f, 2f, 1f }, new[] { 1f, 1f, 2f, 1f }, new[] { 1f, 1f, 2f, 1f }, new[] { 1f, -1f, 2f, 1f }, new[] { 1f, -1f, -3f, 0f },
        };
        var updates = Updates(deltas.Select(d => d.Select((x, j) => g[j] + x).ToArray()).ToArray());
        var w = new RobustLearningRateDefense(new RobustLearningRateOptions { RobustThreshold = 4 }).DefendOnAggregation(updates, Context(g, 5)).Weights;
        Assert.Equal(-4f, w[0], 1e-5f);
        Assert.Equal(4.8f, w[1], 1e-5f);
        Assert.Equal(-6f, w[2], 1e-5f);
        Assert.Equal(5.8f, w[3], 1e-5f);
    }

    [Fact]
    public void DefendOnAggregation_LongVector_EqualsPerCoordinateDefinition()
    {
        var rng = new Random(9);
        int n = 7, d = 1000, theta = 3;
        var g = Enumerable.Range(0, d).Select(_ => (float)rng.NextDouble()).ToArray();
        var updates = Enumerable.Range(0, n).Select(i => new ClientUpdate(i, i + 1, g.Select(x => x + (float)(rng.NextDouble() - 0.45)).ToArray())).ToArray();
        var w = new RobustLearningRateDefense(new RobustLearningRateOptions { RobustThreshold = theta }).DefendOnAggregation(updates, Context(g, n)).Weights;
        double total = updates.Sum(u => u.SampleCount);
        for (int j = 0; j < d; j++)
        {
            int vote = updates.Sum(u => Math.Sign(u.Weights[j] - g[j]));
            double mean = updates.Sum(u => u.SampleCount / total * (u.Weights[j] - g[j]));
            double expected = g[j] + (Math.Abs(vote) < theta ? -mean : mean);
            Assert.Equal(expected, w[j], 1e-5);
        }
    }

    [Fact]
    public void DefendOnAggregation_ThresholdZero_IsTheWeightedMean()
    {
        var updates = Updates(new[] { 1f, -2f }, new[] { 3f, 4f });
        var w = new RobustLearningRateDefense(new RobustLearningRateOptions { RobustThreshold = 0 }).DefendOnAggregation(updates, Context(new[] { 0f, 0f }, 2)).Weights;
        Assert.Equal(new[] { 2f, 1f }, w);
    }

    [Fact]
    public void Read_ThresholdAboveClients_ReportsRobustThresholdKey()
    {
        var problems = Problems(a => RobustLearningRateOptions.Read(a), 10, ("robust_threshold", "11"));
        var p = Assert.Single(problems);
        Assert.Equal("defense_args.robust_threshold", p.Key);
        Assert.Contains("client_num_per_round", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptor_DefaultThreshold_IsFour()
    {
        Create<IOnAggregationDefense>(RobustLearningRateRegistration.Descriptor, 10);
        Assert.Equal(4, RobustLearningRateOptions.RobustThresholdKey.Default);
    }
}
