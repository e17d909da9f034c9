using FedSec.Core.Tests.Defenses.Common;
using FedSec.Defenses.Rflbat;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.Rflbat;

public class RflbatDefenseTests
{
    [Fact]
    public void DistanceSums_HandComputed()
    {
        // (0, 0), (3, 4), (6, 8): distances 5, 10, 5.
        var points = new[] { new double[] { 0, 0 }, new double[] { 3, 4 }, new double[] { 6, 8 } };
        Assert.Equal(new double[] { 15, 10, 15 }, RflbatDefense.DistanceSums(points, new[] { 0, 1, 2 }));
        Assert.Equal(new double[] { 10, 0, 10 }, RflbatDefense.DistanceSums(points, new[] { 0, 2 }));
    }

    [Fact]
    public void SecondFilter_HandComputed_KeepsSumsBelowEpsilonTimesMedianOrTheWholeClusterWhenNoneIs()
    {
        // Points 0, 1, 5: sums 6, 5, 9, median 6. ε₂ = 1.5 keeps sums below 9: 0 and 1. ε₂ = 0.5 keeps none below 3:
        // removing the whole cluster would leave the round empty, so all three stay.
        var points = new[] { new[] { 0.0 }, new[] { 1.0 }, new[] { 5.0 } };
        Assert.Equal(new[] { 0, 1 }, RflbatDefense.SecondFilter(points, new[] { 0, 1, 2 }, 1.5).Order());
        Assert.Equal(new[] { 0, 1, 2 }, RflbatDefense.SecondFilter(points, new[] { 0, 1, 2 }, 0.5).Order());
    }

    [Fact]
    public void Project_TwoComponentsOfPlanarUpdates_PreservesPairwiseDistances()
    {
        // Updates in a plane of R³ (centred already): the projection on two components is a rotation of it.
        var vectors = new[] { new float[] { 1, 0, 0 }, new float[] { -1, 0, 0 }, new float[] { 0, 2, 0 }, new float[] { 0, -2, 0 } };
        var points = RflbatDefense.Project(vectors, 2);
        Assert.Equal(2.0, Distance(points[0], points[1]), 9);
        Assert.Equal(4.0, Distance(points[2], points[3]), 9);
        Assert.Equal(Math.Sqrt(5), Distance(points[0], points[2]), 9);
    }

    [Fact]
    public void Project_ValuesWhoseFloatProductsOverflow_SameDistancesAsTheScaledDownUpdates()
    {
        // Scaled by 2^70 (1.2e21 a coordinate) the float Gram kernel overflows; PCA scores scale with the input, so
        // the distance sums must be 2^70 times those of the unscaled vectors (d = 3000 takes the blocked kernel).
        var rng = new Random(5);
        var vectors = Enumerable.Range(0, 6).Select(_ => DefenseTestData.Gaussian(rng, 3000, sd: 1)).ToArray();
        float scale = MathF.Pow(2, 70);
        var huge = vectors.Select(v => v.Select(x => x * scale).ToArray()).ToArray();
        var all = Enumerable.Range(0, 6).ToArray();
        var expected = RflbatDefense.DistanceSums(RflbatDefense.Project(vectors, 2), all);
        var actual = RflbatDefense.DistanceSums(RflbatDefense.Project(huge, 2), all);
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(1, actual[i] / scale / expected[i], 4);
        }
    }

    [Fact]
    public void DefendBeforeAggregation_FarOutlier_RemovedByTheFirstFilterHandComputed()
    {
        // Updates 0, 0, 0, 0, 100 (d = 1): distance sums 100, 100, 100, 100, 400; median 100; ε₁ = 3: 400 ≥ 300 goes.
        // The four equal updates form one cluster; their second sums are all 0: all kept.
        var global = new float[1];
        var outcome = new RflbatDefense(new RflbatOptions { Epsilon1 = 3 }).DefendBeforeAggregation(
            DefenseTestData.FromDeltas(global, new[] { new float[] { 0 }, new float[] { 0 }, new float[] { 0 }, new float[] { 0 }, new float[] { 100 } }),
            DefenseTestData.Context(global, Enumerable.Range(0, 5)));
        Assert.Equal(new[] { 0, 1, 2, 3 }, outcome.Updates.Select(u => u.ClientId));
        Assert.Equal(new double?[] { 100, 100, 100, 100, 400 }, outcome.Verdicts.Select(v => v.Score));
    }

    [Fact]
    public void DefendBeforeAggregation_LookAlikeBackdoorUpdates_RemovedOnlyHonestKept()
    {
        for (int seed = 0; seed < 5; seed++)
        {
            var outcome = Round(seed, attackers: 3);
            Assert.True(outcome.Verdicts.Skip(7).All(v => v.Kind == VerdictKind.Removed), $"seed {seed}: " + string.Join(",", outcome.Verdicts.Select(v => $"{v.Kind}:{v.Score:F1}")));
            Assert.All(outcome.Verdicts.Skip(7), v => Assert.Equal(VerdictKind.Removed, v.Kind));
            // RFLBAT keeps one cluster: when the gap statistic splits the honest clients too, it keeps only the least
            // similar of their clusters (seed 4 keeps 3 of 7), so the bound is loose; every kept update is honest.
            Assert.True(outcome.Updates.Count >= 3, $"seed {seed}: only {outcome.Updates.Count} honest kept");
            Assert.All(outcome.Updates, u => Assert.True(u.ClientId < 7));
        }
    }

    [Fact]
    public void DefendBeforeAggregation_SameSeed_SameVerdicts()
    {
        Assert.Equal(Round(3, attackers: 3).Verdicts, Round(3, attackers: 3).Verdicts);
    }

    [Fact]
    public void Read_ZeroEpsilon_IsRejectedNamingTheKey()
    {
        var problems = AggregationDefenseFixtures.Problems(a => RflbatOptions.Read(a), 10, ("rflbat_epsilon2", 0.0));
        Assert.Contains(problems, p => p.Key.EndsWith("rflbat_epsilon2", StringComparison.Ordinal));
    }

    /// <summary>
    /// Ten clients, d = 50: honest ones share a direction (mean + N(0, 0.3²) noise per coordinate, cosine about 0.9
    /// between them); the last <paramref name="attackers"/> send near copies (noise 0.02) of one backdoor direction.
    /// </summary>
    private static DefenseOutcome Round(int seed, int attackers)
    {
        var rng = new Random(seed);
        var mean = DefenseTestData.Gaussian(rng, 50, sd: 1);
        var backdoor = DefenseTestData.Gaussian(rng, 50, sd: 1);
        var deltas = Enumerable.Range(0, 10).Select(i => i >= 10 - attackers
            ? DefenseTestData.Jitter(rng, backdoor, 0.02)
            : DefenseTestData.Jitter(rng, mean, 0.3)).ToArray();
        var global = new float[50];
        return new RflbatDefense(new RflbatOptions()).DefendBeforeAggregation(
            DefenseTestData.FromDeltas(global, deltas), DefenseTestData.Context(global, Enumerable.Range(0, 10), seed: seed));
    }

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
