using FedSec.Core.Tests.Defenses.Common;
using FedSec.Defenses.Flame;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.Flame;

public class FlameDefenseTests
{
    private const int D = 20;

    /// <summary>
    /// Honest clients 0..6 in two tight groups (4 + 3) a cosine distance of about 0.05 apart, scaled to norms 1..7;
    /// attackers 7..9 close together in an unrelated direction, norm 10.
    /// </summary>
    private static float[][] StructuredRound()
    {
        var rng = new Random(4);
        var u = Unit(DefenseTestData.Gaussian(rng, D));
        var u2 = Unit(u.Zip(DefenseTestData.Gaussian(rng, D, sd: 0.3), (a, b) => a + b).ToArray());
        var w = Unit(DefenseTestData.Gaussian(rng, D));
        var deltas = new List<float[]>();
        for (int i = 0; i < 7; i++)
        {
            deltas.Add(Scale(Unit(DefenseTestData.Jitter(rng, i < 4 ? u : u2, 1e-4)), i + 1));
        }

        for (int i = 0; i < 3; i++)
        {
            deltas.Add(Scale(Unit(DefenseTestData.Jitter(rng, w, 1e-4)), 10));
        }

        return deltas.ToArray();
    }

    private static float[] Unit(float[] x) => Scale(x, 1 / DefenseTestData.Norm(x));

    private static float[] Scale(float[] x, double s) => x.Select(v => (float)(v * s)).ToArray();

    [Fact]
    public void DefendBeforeAggregation_FarAttackerCluster_KeepsEveryHonestRemovesAttackers()
    {
        var global = new float[D];
        var outcome = new FlameDefense(new FlameOptions())
            .DefendBeforeAggregation(DefenseTestData.FromDeltas(global, StructuredRound()), DefenseTestData.Context(global, Enumerable.Range(0, 10)));
        Assert.All(outcome.Verdicts.Take(7), v => Assert.NotEqual(VerdictKind.Removed, v.Kind));
        Assert.All(outcome.Verdicts.Skip(7), v => Assert.Equal(VerdictKind.Removed, v.Kind));
        Assert.Equal(Enumerable.Range(0, 7), outcome.Updates.Select(u => u.ClientId));
    }

    [Fact]
    public void DefendBeforeAggregation_KeptUpdates_ClippedToMedianNorm()
    {
        // Norms 1..7 and 10, 10, 10: S = (5 + 6) / 2 = 5.5; the updates of norm 6 and 7 are clipped to it.
        var global = new float[D];
        var defense = new FlameDefense(new FlameOptions());
        var outcome = defense.DefendBeforeAggregation(DefenseTestData.FromDeltas(global, StructuredRound()), DefenseTestData.Context(global, Enumerable.Range(0, 10)));
        Assert.Equal(5.5, defense.LastBound!.Value, 4);
        Assert.All(outcome.Updates, u => Assert.True(DefenseTestData.Norm(DefenseTestData.Delta(u, global)) <= defense.LastBound.Value * (1 + 1e-6)));
        Assert.Equal(new[] { VerdictKind.Modified, VerdictKind.Modified }, outcome.Verdicts.Skip(5).Take(2).Select(v => v.Kind));
        Assert.All(outcome.Verdicts.Take(5), v => Assert.Equal(VerdictKind.Kept, v.Kind));
        Assert.Equal(5.5, DefenseTestData.Norm(DefenseTestData.Delta(outcome.Updates[6], global)), 4);
    }

    [Fact]
    public void DefendBeforeAggregation_PermutedUpdates_SameClientsKept()
    {
        var rng = new Random(8);
        var u = DefenseTestData.Gaussian(rng, 50);
        var deltas = Enumerable.Range(0, 10).Select(i => DefenseTestData.Jitter(rng, i < 7 ? u : u.Select(v => -v).ToArray(), 0.3)).ToArray();
        var global = new float[50];
        var updates = DefenseTestData.FromDeltas(global, deltas);
        var context = DefenseTestData.Context(global, Enumerable.Range(0, 10));
        var perm = new SeedStreams(3).Random("test").Permutation(10);
        var a = new FlameDefense(new FlameOptions()).DefendBeforeAggregation(updates, context).Updates.Select(x => x.ClientId).Order();
        var b = new FlameDefense(new FlameOptions()).DefendBeforeAggregation(perm.Select(p => updates[p]).ToArray(), context).Updates.Select(x => x.ClientId).Order();
        Assert.Equal(a, b);
        Assert.All(a, id => Assert.True(id < 7, $"attacker {id} kept"));
        Assert.True(a.Count() >= 6, "HDBSCAN's majority cluster holds at least n/2 + 1 updates");
    }

    [Fact]
    public void DefendAfterAggregation_Noise_HasStdLambdaTimesBoundOnTrainableOnly()
    {
        const int d = 40_000;
        var layout = DefenseTestData.WithBuffer(d, 5);
        var global = new float[d + 5];
        var deltas = new[] { 1.0, 2.0, 3.0 }.Select(s => Enumerable.Range(0, d).Select(j => j == 0 ? (float)s : 0f).Concat(new float[5]).ToArray()).ToArray();
        var updates = deltas.Select((w, i) => new ClientUpdate(i, 10, w)).ToArray();
        var context = DefenseTestData.Context(global, new[] { 0, 1, 2 }, layout);
        var defense = new FlameDefense(new FlameOptions { Lambda = 0.01 });
        defense.DefendBeforeAggregation(updates, context);
        var noisy = defense.DefendAfterAggregation(new float[d + 5], context);

        var noise = noisy.Take(d).Select(v => (double)v).ToArray();
        double mean = noise.Average();
        double std = Math.Sqrt(noise.Sum(v => (v - mean) * (v - mean)) / (d - 1));
        Assert.Equal(0.01 * 2, std, 0.02 * 0.02);
        Assert.InRange(mean, -4 * 0.02 / Math.Sqrt(d), 4 * 0.02 / Math.Sqrt(d));
        Assert.All(noisy.Skip(d), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void DefendAfterAggregation_WithoutBeforeStepThisRound_Throws()
    {
        var global = new float[3];
        var e = Assert.Throws<InvalidOperationException>(() => new FlameDefense(new FlameOptions()).DefendAfterAggregation(global, DefenseTestData.Context(global, new[] { 0 })));
        Assert.Contains("both stages", e.Message, StringComparison.Ordinal);
    }
}
