using FedSec.Aggregation;
using FedSec.Attacks.Fang;
using FedSec.Defenses.Krum;
using FedSec.Parameters;
using FedSec.Randomness;

namespace FedSec.Core.Tests.Attacks.Fang;

public class FangKrumAttackTests
{
    private const int D = 20;

    private static (ClientUpdate[] Updates, float[] Global) Round(long seed)
    {
        var rng = new Random((int)seed);
        var global = Enumerable.Range(0, D).Select(_ => (float)rng.NextDouble()).ToArray();
        var updates = Enumerable.Range(0, 10).Select(id =>
            AttackFixtures.FromDelta(id, global, Enumerable.Range(0, D).Select(_ => (float)(0.1 + rng.NextGaussian())).ToArray())).ToArray();
        return (updates, global);
    }

    [Fact]
    public void UpperBound_ThreeScalars_HandComputed()
    {
        // Benign 1, 2, 3 with c = 1 (m = 4): m − c − 2 = 1 nearest neighbour, each at distance 1 → min sum 1, divided by
        // (m − 2c − 1)·√d = 1; plus max ‖Δᵢ‖/√d = 3. λ = 4.
        var benign = new[] { new[] { 1f }, new[] { 2f }, new[] { 3f } };
        Assert.Equal(4.0, FangKrumKernel.UpperBound(benign, PairwiseDistances.Squared(benign), 1), 1e-12);
    }

    [Fact]
    public void UpperBound_FourDimensions_DividesBySqrtD()
    {
        // Same points spread over d = 4: neighbour distance √4 = 2, max norm √36 = 6; both terms divided by √4.
        var benign = new[] { new[] { 1f, 1f, 1f, 1f }, new[] { 2f, 2f, 2f, 2f }, new[] { 3f, 3f, 3f, 3f } };
        Assert.Equal(4.0, FangKrumKernel.UpperBound(benign, PairwiseDistances.Squared(benign), 1), 1e-12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AttackModel_ThreeMalicious_KrumSelectsTheForgedModel(long seed)
    {
        var (updates, global) = Round(seed);
        int[] malicious = { 2, 5, 8 };
        var context = AttackFixtures.Context(global, updates, malicious);
        var attack = new FangKrumAttack(new FangKrumOptions { ClientNum = 3 });
        var result = attack.AttackModel(updates, context);

        Assert.True(attack.Last.Selected);
        var krum = new KrumDefense(new KrumOptions { ByzantineClientNum = 3, M = 1 });
        var kept = Assert.Single(krum.DefendBeforeAggregation(result, context).Updates);
        Assert.Contains(kept.ClientId, malicious);
    }

    [Fact]
    public void AttackModel_ForgedDelta_IsMinusLambdaTimesSignOfBenignMeanForAll()
    {
        var (updates, global) = Round(4);
        int[] malicious = { 2, 5, 8 };
        var attack = new FangKrumAttack(new FangKrumOptions { ClientNum = 3 });
        var result = attack.AttackModel(updates, AttackFixtures.Context(global, updates, malicious));

        var benign = updates.Where(u => !malicious.Contains(u.ClientId)).Select(u => AttackFixtures.DeltaOf(u, global)).ToArray();
        for (int j = 0; j < D; j++)
        {
            double mean = benign.Average(x => x[j]);
            foreach (var id in malicious)
            {
                Assert.Equal(-attack.Last.Lambda * Math.Sign(mean), AttackFixtures.DeltaOf(result[id], global)[j], 1e-5);
            }
        }
    }

    [Fact]
    public void AttackModel_LambdaBelowBound_TwiceLambdaIsNotSelected()
    {
        var (updates, global) = Round(5);
        int[] malicious = { 2, 5, 8 };
        var attack = new FangKrumAttack(new FangKrumOptions { ClientNum = 3 });
        attack.AttackModel(updates, AttackFixtures.Context(global, updates, malicious));
        var benign = updates.Where(u => !malicious.Contains(u.ClientId)).Select(u => u.Delta(global)).ToArray();
        double bound = FangKrumKernel.UpperBound(benign, PairwiseDistances.Squared(benign), 3);
        Assert.True(attack.Last.Lambda < bound, "this round should need at least one halving");

        var mean = benign.Aggregate(new double[D], (acc, x) => acc.Zip(x, (a, v) => a + v).ToArray());
        var doubled = mean.Select(m => (float)(-2 * attack.Last.Lambda * Math.Sign(m))).ToArray();
        var all = benign.Concat(new[] { doubled, doubled, doubled }).ToArray();
        int chosen = KrumScores.SelectLowest(KrumScores.Compute(PairwiseDistances.Squared(all), 3), 1)[0];
        Assert.True(chosen < benign.Length, "with 2λ Krum should still pick a benign update");
    }

    [Fact]
    public void AttackModel_HonestUpdates_SameInstances()
    {
        var (updates, global) = Round(6);
        var result = new FangKrumAttack(new FangKrumOptions { ClientNum = 1 }).AttackModel(updates, AttackFixtures.Context(global, updates, new[] { 3 }));
        for (int i = 0; i < updates.Length; i++)
        {
            if (i != 3)
            {
                Assert.Same(updates[i], result[i]);
            }
        }
    }
}
