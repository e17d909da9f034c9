using FedSec.Aggregation;
using FedSec.Attacks.Backdoor;
using FedSec.Attacks.ModelReplacement;
using FedSec.Parameters;

namespace FedSec.Core.Tests.Attacks.ModelReplacement;

public class ModelReplacementAttackTests
{
    private static readonly float[] Global = { 0.5f, -1f, 2f };
    private static readonly float[] X = { 0.9f, -1.2f, 3f };

    private static ClientUpdate[] Round() => new[]
    {
        new ClientUpdate(0, 10, (float[])Global.Clone()),
        new ClientUpdate(1, 10, (float[])X.Clone()),
        new ClientUpdate(2, 10, (float[])Global.Clone()),
        new ClientUpdate(3, 10, (float[])Global.Clone()),
    };

    [Fact]
    public void AttackModel_OthersSendGlobal_FedAvgAggregateEqualsX()
    {
        var updates = Round();
        var result = new ModelReplacementAttack(new ModelReplacementOptions()).AttackModel(updates, AttackFixtures.Context(Global, updates, new[] { 1 }));

        // γ = n = 4: the attacker sends G + 4(X − G); FedAvg of four equal sample counts gives G + (X − G) = X.
        var aggregate = WeightedMean.Of(result);
        for (int j = 0; j < X.Length; j++)
        {
            Assert.Equal(X[j], aggregate[j], 1e-5f);
            Assert.Equal(Global[j] + (4 * (X[j] - Global[j])), result[1].Weights[j], 1e-5f);
        }

        Assert.Same(updates[0], result[0]);
        Assert.Same(updates[2], result[2]);
    }

    [Fact]
    public void AttackModel_NormBoundS_ScaledUpdateHasNormS()
    {
        var updates = Round();
        var result = new ModelReplacementAttack(new ModelReplacementOptions { NormBound = 2.0 }).AttackModel(updates, AttackFixtures.Context(Global, updates, new[] { 1 }));
        var delta = AttackFixtures.DeltaOf(result[1], Global);
        Assert.Equal(2.0, Math.Sqrt(delta.Sum(v => v * v)), 1e-5);

        // Same direction as X − G = (0.4, −0.2, 1).
        Assert.Equal(-0.5, delta[1] / delta[0], 1e-5);
    }

    [Fact]
    public void AttackModel_ExplicitScaleFactor_UsesIt()
    {
        var updates = Round();
        var result = new ModelReplacementAttack(new ModelReplacementOptions { ScaleFactor = 10 }).AttackModel(updates, AttackFixtures.Context(Global, updates, new[] { 1 }));
        Assert.Equal(Global[2] + (10 * (X[2] - Global[2])), result[1].Weights[2], 1e-5f);
    }

    [Fact]
    public void AttackModel_TwoAttackers_DefaultGammaSplitAmongThem()
    {
        var updates = Round();
        var result = new ModelReplacementAttack(new ModelReplacementOptions()).AttackModel(updates, AttackFixtures.Context(Global, updates, new[] { 1, 3 }));

        // γ = n/m = 2 for each: the aggregate is G + (2(X − G) + 2(G − G))/4 = G + (X − G)/2, halfway to X since client 3
        // (which trained nothing here) pulls towards G with equal weight: each attacker moves the model 1/m of the way.
        var aggregate = WeightedMean.Of(result);
        for (int j = 0; j < X.Length; j++)
        {
            Assert.Equal((X[j] + Global[j]) / 2, aggregate[j], 1e-5f);
        }
    }

    [Fact]
    public void AttackModel_BuffersOfTheAttacker_NotScaled()
    {
        var global = new[] { 1f, 1f, 5f };
        var updates = new[] { new ClientUpdate(0, 10, new[] { 1f, 1f, 5f }), new ClientUpdate(1, 10, new[] { 2f, 0f, 6f }) };
        var result = new ModelReplacementAttack(new ModelReplacementOptions()).AttackModel(updates, AttackFixtures.Context(global, updates, new[] { 1 }, AttackFixtures.LayoutWithBuffers(2, 1)));
        Assert.Equal(new[] { 3f, -1f, 6f }, result[1].Weights);
    }

    [Fact]
    public void AttackTrainingRounds_OtherRound_NeitherPoisonsNorScales()
    {
        var attack = new ModelReplacementAttack(new ModelReplacementOptions { Rounds = new[] { 2, 4 } });
        var updates = Round();
        Assert.Same(updates, attack.AttackModel(updates, AttackFixtures.Context(Global, updates, new[] { 1 }, round: 3)));
        Assert.NotSame(updates, attack.AttackModel(updates, AttackFixtures.Context(Global, updates, new[] { 1 }, round: 4)));

        var data = AttackFixtures.Images(20);
        var before = data.Clone();
        attack.PoisonData(data, AttackFixtures.Client(1, round: 3));
        Assert.Equal(before.Labels, data.Labels);
        Assert.Equal(before.Pixels, data.Pixels);
        attack.PoisonData(data, AttackFixtures.Client(1, round: 2));
        Assert.NotEqual(before.Labels, data.Labels);
    }

    [Fact]
    public void PoisonData_AttackRound_TrainsOnTheBackdoor()
    {
        var attack = new ModelReplacementAttack(new ModelReplacementOptions { Backdoor = new BackdoorOptions { Size = 2, PoisonFraction = 0.5, TargetLabel = 3 } });
        var data = AttackFixtures.Images(20);
        var before = data.Clone();
        attack.PoisonData(data, AttackFixtures.Client(1));
        var changed = Enumerable.Range(0, 20).Where(i => !before.Image(i).SequenceEqual(data.Image(i))).ToArray();
        Assert.Equal(10, changed.Length);
        Assert.All(changed, i => Assert.Equal(3, data.Labels[i]));
        Assert.Equal(3, attack.TargetLabel);
        Assert.Equal(1f, attack.TriggeredTestSet(AttackFixtures.Images(10)).Image(0)[35]);
    }

    [Fact]
    public void MaliciousClients_ExplicitIds_NamedSpec()
    {
        var spec = new ModelReplacementAttack(new ModelReplacementOptions { MaliciousIds = new[] { 3, 7 } }).MaliciousClients;
        Assert.Equal(2, spec.Count);
        Assert.Equal(new[] { 3, 7 }, spec.Ids);
        var drawn = new ModelReplacementAttack(new ModelReplacementOptions { ClientNum = 2 }).MaliciousClients;
        Assert.Null(drawn.Ids);
        Assert.Equal(2, drawn.Count);
    }
}
