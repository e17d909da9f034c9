using FedSec.Core.Tests.Defenses.Common;
using FedSec.Defenses.Auror;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.Auror;

public class AurorDefenseTests
{
    private static readonly ParameterLayout Cnn = new(new[]
    {
        ("conv.weight", (IReadOnlyList<long>)new long[] { 4, 2 }, ParameterKind.Trainable),
        ("fc.weight", (IReadOnlyList<long>)new long[] { 3, 4 }, ParameterKind.Trainable),
        ("fc.bias", (IReadOnlyList<long>)new long[] { 3 }, ParameterKind.Trainable),
        ("bn.running_mean", (IReadOnlyList<long>)new long[] { 2 }, ParameterKind.Buffer),
    });

    [Fact]
    public void TwoMeans_HandComputedSplitsAndCentreDistances()
    {
        Assert.Equal((2, 0.9), Round(AurorDefense.TwoMeans(new[] { 0, 0.1, 0.9, 1.0 })));
        // {0, 1} | {3} (SSE 0.5) beats {0} | {1, 3} (SSE 2): centres 0.5 and 3.
        Assert.Equal((2, 2.5), Round(AurorDefense.TwoMeans(new[] { 0.0, 1, 3 })));
    }

    [Fact]
    public void DefendBeforeAggregation_TauBelowHalfFlagsEveryone_RemovesNoOne()
    {
        // Δ = e₀, e₁, e₂, α = 0.5: each coordinate is indicative (centres 0 and 1) with a minority of one client, so every
        // client is suspicious in 1/3 of them, more than τ = 0.3. Removing all three would stop the run: all are kept.
        var deltas = new[] { new float[] { 1, 0, 0 }, new float[] { 0, 1, 0 }, new float[] { 0, 0, 1 } };
        var global = new float[3];
        var outcome = new AurorDefense(new AurorOptions { Threshold = 0.5, Tau = 0.3, Feature = AurorFeature.All })
            .DefendBeforeAggregation(DefenseTestData.FromDeltas(global, deltas), DefenseTestData.Context(global, Enumerable.Range(0, 3)));
        Assert.Equal(new[] { 0, 1, 2 }, outcome.Updates.Select(u => u.ClientId));
        Assert.All(outcome.Verdicts, v => Assert.Equal(VerdictKind.Kept, v.Kind));
        Assert.All(outcome.Verdicts, v => Assert.Equal(1 / 3.0, v.Score!.Value, 12));
    }

    [Fact]
    public void Count_HandComputedIndicativeFeaturesAndMinorities()
    {
        // Coordinate 0: (0, 0, 0, 0, 1), centres 0 and 1: indicative, minority {4}. Coordinate 1: (0, 0, 0, 1, 1):
        // indicative, minority {3, 4}. Coordinate 2: (0, 0.1, 0.2, 0.1, 0): split {0, 0} | {0.1, 0.1, 0.2}, centres 0.13 apart
        // (< α = 0.5), not indicative.
        var deltas = new[]
        {
            new float[] { 0, 0, 0 }, new float[] { 0, 0, 0.1f }, new float[] { 0, 0, 0.2f }, new float[] { 0, 1, 0.1f }, new float[] { 1, 1, 0 },
        };
        var (suspicious, indicative) = AurorDefense.Count(deltas, 0, 3, 0.5);
        Assert.Equal(2, indicative);
        Assert.Equal(new[] { 0, 0, 0, 1, 2 }, suspicious);

        // τ = 0.5: client 4 (2/2) is removed, client 3 (1/2, not more than τ) kept.
        var global = new float[3];
        var outcome = new AurorDefense(new AurorOptions { Threshold = 0.5, Feature = AurorFeature.All })
            .DefendBeforeAggregation(DefenseTestData.FromDeltas(global, deltas), DefenseTestData.Context(global, Enumerable.Range(0, 5)));
        Assert.Equal(new[] { 0, 1, 2, 3 }, outcome.Updates.Select(u => u.ClientId));
        Assert.Equal(new double?[] { 0, 0, 0, 0.5, 1 }, outcome.Verdicts.Select(v => v.Score));
    }

    [Fact]
    public void Examined_OutputLayer_IsTheLastMatrixAndItsBiasInPackedCoordinates()
    {
        Assert.Equal((8, 23), AurorDefense.Examined(Cnn, AurorFeature.OutputLayer));
        Assert.Equal((0, 23), AurorDefense.Examined(Cnn, AurorFeature.All));
    }

    [Fact]
    public void DefendBeforeAggregation_AttackersShiftingTheOutputLayer_RemovedHonestKept()
    {
        var outcome = Round(attackers: 2, seed: 4);
        Assert.Equal(Enumerable.Range(0, 8), outcome.Updates.Select(u => u.ClientId));
        Assert.All(outcome.Verdicts.Skip(8), v => Assert.Equal(VerdictKind.Removed, v.Kind));
    }

    [Fact]
    public void DefendBeforeAggregation_NoAttacker_KeepsEveryone()
    {
        for (int seed = 0; seed < 5; seed++)
        {
            Assert.Equal(10, Round(attackers: 0, seed).Updates.Count);
        }
    }

    [Fact]
    public void Read_TauOne_IsRejectedNamingTheKey()
    {
        var problems = AggregationDefenseFixtures.Problems(a => AurorOptions.Read(a), 10, ("auror_tau", 1.0));
        Assert.Contains(problems, p => p.Key.EndsWith("auror_tau", StringComparison.Ordinal));
    }

    /// <summary>Ten clients near a common update (sd 0.0002); the last <paramref name="attackers"/> add 0.05 to every output-layer coordinate.</summary>
    private static DefenseOutcome Round(int attackers, int seed)
    {
        var rng = new Random(seed);
        var common = DefenseTestData.Gaussian(rng, 25, sd: 0.01);
        var updates = Enumerable.Range(0, 10).Select(i =>
        {
            var w = DefenseTestData.Jitter(rng, common, 0.0002);
            if (i >= 10 - attackers)
            {
                for (int k = 8; k < 23; k++)
                {
                    w[k] += 0.05f;
                }
            }

            return new ClientUpdate(i, 10, w);
        }).ToArray();
        return new AurorDefense(new AurorOptions()).DefendBeforeAggregation(updates, DefenseTestData.Context(new float[25], Enumerable.Range(0, 10), Cnn));
    }

    private static (int, double) Round((int Split, double Distance) x) => (x.Split, Math.Round(x.Distance, 9));
}
