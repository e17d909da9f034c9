using FedSec.Attacks.Neurotoxin;
using FedSec.Core.Tests.TestSupport;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Core.Tests.Attacks.Neurotoxin;

public class NeurotoxinAttackTests
{
    [Fact]
    public void Frozen_HandComputed_TopMagnitudesOfTheGlobalUpdate()
    {
        // G − G_prev = (0.1, −5, 0.2, 3); ratio 0.5 frees ⌊0.5 × 4⌋ = 2 and freezes the other 2: the largest, −5 and 3.
        var frozen = NeurotoxinMask.Frozen(new float[] { 1.1f, -5, 0.2f, 3 }, new float[] { 1, 0, 0, 0 }, Fixtures.FlatLayout(4), 0.5);
        Assert.Equal(new[] { false, true, false, true }, frozen);
    }

    [Fact]
    public void Frozen_UnchangedGlobalModel_StillFreesTheRatioOfCoordinates()
    {
        // Every change is 0: the authors' topk frees ⌊0.5 × 4⌋ = 2 coordinates whatever the ties; FedSec freezes the
        // first two in coordinate order (freezing every value tied with the boundary froze all four).
        var frozen = NeurotoxinMask.Frozen(new float[] { 1, 2, 3, 4 }, new float[] { 1, 2, 3, 4 }, Fixtures.FlatLayout(4), 0.5);
        Assert.Equal(new[] { true, true, false, false }, frozen);
    }

    [Fact]
    public void Frozen_TiesAtTheBoundary_FreezesExactlyTheCountInCoordinateOrder()
    {
        // Changes (1, 2, 2, 2), ratio 0.5: 2 frozen, both from the tied 2s, the first two of them.
        var frozen = NeurotoxinMask.Frozen(new float[] { 1, 2, 2, 2 }, new float[4], Fixtures.FlatLayout(4), 0.5);
        Assert.Equal(new[] { false, true, true, false }, frozen);
    }

    [Fact]
    public void Frozen_RatioPointNineFiveOfOneHundred_FreezesFive()
    {
        // 1 − 0.95 is 0.050000000000000044 in double: ⌈(1 − ratio)·m⌉ froze 6 of 100; m − ⌊ratio·m⌋ freezes 5, the largest.
        var global = Enumerable.Range(1, 100).Select(i => (float)i).ToArray();
        var frozen = NeurotoxinMask.Frozen(global, new float[100], Fixtures.FlatLayout(100), 0.95);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => i >= 95), frozen);
    }

    [Fact]
    public void Frozen_BuffersNeverFrozen()
    {
        var layout = AttackFixtures.LayoutWithBuffers(2, 2);
        var frozen = NeurotoxinMask.Frozen(new float[] { 1, 0, 9, 9 }, new float[4], layout, 0.5);
        Assert.Equal(new[] { true, false, false, false }, frozen);
    }

    [Fact]
    public void Constraint_SecondRound_KeepsFrozenCoordinatesAtTheGlobalAndLeavesTheRestToTraining()
    {
        var attack = new NeurotoxinAttack(new NeurotoxinOptions { Ratio = 0.5 });
        var layout = Fixtures.FlatLayout(4);

        // Round 0: no previous global model, training is unconstrained.
        var w0 = new float[] { 1, 1, 1, 1 };
        attack.ConstraintFor(AttackFixtures.Client(3, round: 0)).Apply(w0, new float[4], layout);
        Assert.Equal(new float[] { 1, 1, 1, 1 }, w0);

        // Round 1: G = (0.1, −5, 0.2, 3) after G = 0; coordinates 1 and 3 are frozen.
        var global = new float[] { 0.1f, -5, 0.2f, 3 };
        var w1 = new float[] { 2, 2, 2, 2 };
        var constraint = attack.ConstraintFor(AttackFixtures.Client(3, round: 1));
        Assert.Equal(1, constraint.StepInterval);
        constraint.Apply(w1, global, layout);
        Assert.Equal(new float[] { 2, -5, 2, 3 }, w1);
    }

    [Fact]
    public void Constraint_UpdateHasNoOverlapWithTheBenignUpdatesLargestCoordinates()
    {
        // The property the paper builds on: after projection the malicious delta is zero wherever the benign (global)
        // update is largest, so a benign round of the same shape does not overwrite it.
        var rng = new Random(2);
        const int d = 100;
        var previous = new float[d];
        var benign = Enumerable.Range(0, d).Select(_ => (float)rng.NextGaussian()).ToArray();
        var attack = new NeurotoxinAttack(new NeurotoxinOptions { Ratio = 0.9 });
        var layout = Fixtures.FlatLayout(d);
        attack.ConstraintFor(AttackFixtures.Client(0, round: 0)).Apply(new float[d], previous, layout);
        var trained = Enumerable.Range(0, d).Select(k => benign[k] + (float)rng.NextGaussian()).ToArray();
        attack.ConstraintFor(AttackFixtures.Client(0, round: 1)).Apply(trained, benign, layout);
        var top = Enumerable.Range(0, d).OrderByDescending(k => Math.Abs(benign[k])).Take(10).ToArray();
        Assert.All(top, k => Assert.Equal(benign[k], trained[k]));
        Assert.Equal(90, Enumerable.Range(0, d).Count(k => trained[k] != benign[k]));
    }

    [Fact]
    public void ReadState_AfterWriteState_GivesTheSameMask()
    {
        var layout = Fixtures.FlatLayout(4);
        var original = new NeurotoxinAttack(new NeurotoxinOptions { Ratio = 0.5 });
        original.ConstraintFor(AttackFixtures.Client(0, round: 0)).Apply(new float[4], new float[4], layout);
        using var stream = new MemoryStream();
        original.WriteState(new BinaryWriter(stream));
        stream.Position = 0;
        var restored = new NeurotoxinAttack(new NeurotoxinOptions { Ratio = 0.5 });
        restored.ReadState(new BinaryReader(stream));
        var w = new float[] { 9, 9, 9, 9 };
        restored.ConstraintFor(AttackFixtures.Client(0, round: 1)).Apply(w, new float[] { 0.1f, -5, 0.2f, 3 }, layout);
        Assert.Equal(new float[] { 9, -5, 9, 3 }, w);
    }

    [Fact]
    public void Read_RatioZero_IsRejectedNamingTheKey()
    {
        var args = Fixtures.Args(new FedSec.Configuration.ExperimentShape(10, 10, 5), "attack_args", ("neurotoxin_ratio", (object?)"0"));
        NeurotoxinOptions.Read(args);
        var problem = Assert.Single(args.Problems);
        Assert.Equal("attack_args.neurotoxin_ratio", problem.Key);
        Assert.Contains("out of range", problem.Message, StringComparison.Ordinal);
    }
}
