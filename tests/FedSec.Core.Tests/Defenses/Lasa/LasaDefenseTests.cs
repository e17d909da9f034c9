using FedSec.Core.Tests.Defenses.Common;
using FedSec.Defenses.Lasa;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.Lasa;

public class LasaDefenseTests
{
    [Fact]
    public void DefendOnAggregation_ScaledUpdate_RemovedByTheNormFilterHandComputed()
    {
        // Norms 1, 1, 1, 1, 10: median 1, mean 2.8, population std 3.6; MZ of the fifth = 9 / 3.6 = 2.5 ≥ 2, of the
        // others 0. Every purity is 1 (std 0: all kept). Aggregate: the mean of the four, (0.5, 0.5).
        var outcome = Aggregate(new LasaOptions { Sparsity = 0 }, new float[] { 1, 0 }, new float[] { 0, 1 }, new float[] { 1, 0 }, new float[] { 0, 1 }, new float[] { 10, 0 });
        Assert.Equal(new[] { 0.5f, 0.5f }, outcome.Weights);
        Assert.Equal(new[] { VerdictKind.Kept, VerdictKind.Kept, VerdictKind.Kept, VerdictKind.Kept, VerdictKind.Removed }, outcome.Verdicts.Select(v => v.Kind));
    }

    [Fact]
    public void DefendOnAggregation_FlippedSigns_RemovedByTheDirectionFilterHandComputed()
    {
        // Equal norms (std 0: all kept by magnitude). Purities 1, 1, 1, 1, 0: median 1, mean 0.8, std 0.4; MZ of the
        // fifth 1 / 0.4 = 2.5 ≥ λ_s = 1. Aggregate (1, 1).
        var outcome = Aggregate(new LasaOptions { Sparsity = 0 }, new float[] { 1, 1 }, new float[] { 1, 1 }, new float[] { 1, 1 }, new float[] { 1, 1 }, new float[] { -1, -1 });
        Assert.Equal(new[] { 1f, 1f }, outcome.Weights);
        Assert.Equal(VerdictKind.Removed, outcome.Verdicts[4].Kind);
        Assert.True(outcome.Verdicts[4].Flagged);
    }

    [Fact]
    public void DefendOnAggregation_KeptUpdateAboveMedianNorm_ClippedToIt()
    {
        // Norms 1, 2, 3 (MZ at most 1/0.816 = 1.22 < 2; purities all 1): all kept, the third clipped to norm 2.
        // Aggregate: (1 + 2 + 2) / 3 = 5/3 on the first coordinate.
        var outcome = Aggregate(new LasaOptions { Sparsity = 0 }, new float[] { 1, 0 }, new float[] { 2, 0 }, new float[] { 3, 0 });
        Assert.Equal(5f / 3, outcome.Weights[0], 5);
        Assert.Equal(VerdictKind.Modified, outcome.Verdicts[2].Kind);
    }

    [Fact]
    public void DefendOnAggregation_AttackOnOneLayer_ExcludedFromThatLayerOnly()
    {
        // Layers "a" (4 elements) and "b" (4): eight honest clients near (1, …, 1); two attackers send a honest-looking
        // "a" and a sign-flipped, 5× larger "b". They are dropped from "b" only: verdict weight 1/2, Reweighted.
        var layout = new ParameterLayout(new[]
        {
            ("a", (IReadOnlyList<long>)new long[] { 4 }, ParameterKind.Trainable),
            ("b", (IReadOnlyList<long>)new long[] { 4 }, ParameterKind.Trainable),
        });
        var rng = new Random(3);
        var deltas = Enumerable.Range(0, 10).Select(i => Enumerable.Range(0, 8).Select(k =>
            (float)((i >= 8 && k >= 4 ? -5 : 1) + (0.05 * rng.NextDouble()))).ToArray()).ToArray();
        var global = new float[8];
        var outcome = new LasaDefense(new LasaOptions { Sparsity = 0 }).DefendOnAggregation(
            DefenseTestData.FromDeltas(global, deltas), DefenseTestData.Context(global, Enumerable.Range(0, 10), layout));
        Assert.All(outcome.Verdicts.Skip(8), v => Assert.Equal((VerdictKind.Reweighted, 0.5), (v.Kind, v.Weight)));
        Assert.All(outcome.Weights.Skip(4), x => Assert.InRange(x, 1f, 1.05f));
    }

    [Fact]
    public void DefendOnAggregation_HonestMajorityAgainstScaledSignFlips_StaysNearTheHonestMean()
    {
        var rng = new Random(9);
        const int d = 200;
        var mean = DefenseTestData.Gaussian(rng, d, sd: 1);
        var deltas = Enumerable.Range(0, 10).Select(i => i < 8
            ? DefenseTestData.Jitter(rng, mean, 0.2)
            : mean.Select(x => -10 * x).ToArray()).ToArray();
        var global = new float[d];
        var layout = new ParameterLayout(new[] { ("w", (IReadOnlyList<long>)new long[] { 20, 10 }, ParameterKind.Trainable) });
        var outcome = new LasaDefense(new LasaOptions()).DefendOnAggregation(
            DefenseTestData.FromDeltas(global, deltas), DefenseTestData.Context(global, Enumerable.Range(0, 10), layout));
        var honestMean = Enumerable.Range(0, d).Select(k => deltas.Take(8).Average(x => x[k])).ToArray();
        double error = Math.Sqrt(outcome.Weights.Zip(honestMean, (a, b) => (a - b) * (a - b)).Sum());
        Assert.True(error < 0.1 * DefenseTestData.Norm(honestMean.Select(x => (float)x).ToArray()), $"error {error} " + string.Join(",", outcome.Verdicts.Select(v => $"{v.Kind}:{v.Weight}")));
        Assert.All(outcome.Verdicts.Skip(8), v => Assert.Equal(VerdictKind.Removed, v.Kind));

        // FedAvg would land 2/10 × 11 = 2.2 honest norms away.
        double fedAvgError = Math.Sqrt(Enumerable.Range(0, d).Sum(k => Math.Pow(deltas.Average(x => x[k]) - honestMean[k], 2)));
        Assert.True(fedAvgError > 2 * DefenseTestData.Norm(honestMean.Select(x => (float)x).ToArray()));
    }

    [Fact]
    public void Sparsified_HalfOfAMatrix_KeepsTheTwoLargestMagnitudesAndLeavesVectorsWhole()
    {
        // Layer 0: a 2×2 matrix (sparsified), layer 1: a bias of 2 (left whole). Keep ⌊0.5 × 4⌋ = 2: −3 and 2.
        var layers = new List<(int, int, bool)> { (0, 4, true), (4, 2, false) };
        var result = LasaDefense.Sparsified(new float[] { 0.1f, -3, 2, 0.5f, 0.01f, -0.02f }, layers, 0.5);
        Assert.Equal(new float[] { 0, -3, 2, 0, 0.01f, -0.02f }, result);
        Assert.Equal(0.5, LasaDefense.PositiveDirectionPurity(result.AsSpan(0, 4)));
        Assert.Equal(0.75, LasaDefense.PositiveDirectionPurity(new float[] { 1, 1, -1, 1 }));
    }

    [Fact]
    public void Read_SparsityOne_IsRejectedNamingTheKey()
    {
        var problems = AggregationDefenseFixtures.Problems(a => LasaOptions.Read(a), 10, ("lasa_sparsity", 1.0));
        Assert.Contains(problems, p => p.Key.EndsWith("lasa_sparsity", StringComparison.Ordinal));
    }

    private static AggregationOutcome Aggregate(LasaOptions options, params float[][] deltas)
    {
        var global = new float[deltas[0].Length];
        return new LasaDefense(options).DefendOnAggregation(DefenseTestData.FromDeltas(global, deltas), DefenseTestData.Context(global, Enumerable.Range(0, deltas.Length)));
    }
}
