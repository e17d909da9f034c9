using FedSec.Core.Tests.Defenses.Common;
using FedSec.Defenses.SignGuard;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.SignGuard;

public class SignGuardDefenseTests
{
    private const int D = 2000;

    /// <summary>A vector with about 80 % positive values (|N(0,1)| with random signs).</summary>
    private static float[] MostlyPositive(Random rng) =>
        Enumerable.Range(0, D).Select(_ => (float)(Math.Abs(rng.NextGaussian()) * (rng.NextDouble() < 0.8 ? 1 : -1))).ToArray();

    private static DefenseOutcome Run(float[][] deltas)
    {
        var global = new float[D];
        return new SignGuardDefense(new SignGuardOptions())
            .DefendBeforeAggregation(DefenseTestData.FromDeltas(global, deltas), DefenseTestData.Context(global, Enumerable.Range(0, deltas.Length)));
    }

    [Fact]
    public void DefendBeforeAggregation_SignFlippedUpdates_Removed()
    {
        var rng = new Random(2);
        var deltas = Enumerable.Range(0, 10).Select(i => i < 7 ? MostlyPositive(rng) : MostlyPositive(rng).Select(v => -v).ToArray()).ToArray();
        var outcome = Run(deltas);
        Assert.All(outcome.Verdicts.Skip(7), v => Assert.Equal(VerdictKind.Removed, v.Kind));
        Assert.All(outcome.Verdicts.Take(7), v => Assert.NotEqual(VerdictKind.Removed, v.Kind));
    }

    [Fact]
    public void DefendBeforeAggregation_ThreeUpdates_KeepsTheTwoAlikeAndRemovesTheSignFlipped()
    {
        // Equal norms (entries ±1), so the norm filter keeps all three. Signs: all positive, 7 in 8 positive, all negative.
        // k = ⌊3/2⌋ = 1 counted the point itself: bandwidth 0, three modes of one, and only client 0 kept. With the nearest
        // other point the bandwidth is about (0.18 + 0.18 + 1.24)/3: clients 0 and 1 share a mode, client 2 does not.
        var deltas = new[]
        {
            Enumerable.Repeat(1f, D).ToArray(),
            Enumerable.Range(0, D).Select(j => j % 8 == 0 ? -1f : 1f).ToArray(),
            Enumerable.Repeat(-1f, D).ToArray(),
        };
        var outcome = Run(deltas);
        Assert.Equal(new[] { 0, 1 }, outcome.Updates.Select(u => u.ClientId));
        Assert.Equal(VerdictKind.Removed, outcome.Verdicts[2].Kind);
    }

    [Fact]
    public void DefendBeforeAggregation_HugeAndTinyNorms_RemovedByNormFilter()
    {
        var rng = new Random(5);
        var deltas = Enumerable.Range(0, 8).Select(_ => MostlyPositive(rng)).ToList();
        deltas.Add(MostlyPositive(rng).Select(v => v * 50).ToArray());
        deltas.Add(MostlyPositive(rng).Select(v => v * 0.01f).ToArray());
        var outcome = Run(deltas.ToArray());
        // Their sign statistics are honest-looking; the norm ratio (the verdict's score) is what removes them.
        Assert.Equal(VerdictKind.Removed, outcome.Verdicts[8].Kind);
        Assert.Equal(VerdictKind.Removed, outcome.Verdicts[9].Kind);
        Assert.True(outcome.Verdicts[8].Score > 3.0);
        Assert.True(outcome.Verdicts[9].Score < 0.1);
        Assert.DoesNotContain(outcome.Updates, u => u.ClientId >= 8);
    }

    [Fact]
    public void DefendBeforeAggregation_KeptUpdates_ClippedToMedianNorm()
    {
        var rng = new Random(6);
        var deltas = Enumerable.Range(0, 9).Select(i => MostlyPositive(rng).Select(v => v * (1 + (0.2f * i))).ToArray()).ToArray();
        double median = FedSec.Aggregation.ScalarMedian.Of(deltas.Select(DefenseTestData.Norm).ToArray());
        var outcome = Run(deltas);
        var global = new float[D];
        Assert.All(outcome.Updates, u => Assert.True(DefenseTestData.Norm(DefenseTestData.Delta(u, global)) <= median * (1 + 1e-5)));
        Assert.Contains(outcome.Verdicts, v => v.Kind == VerdictKind.Modified);
    }
}
