using FedSec.Attacks.Ipm;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Parameters;

namespace FedSec.Core.Tests.Attacks.Ipm;

public class IpmAttackTests
{
    private static readonly float[] Global = { 1f, 1f };

    private static ClientUpdate[] Round() => new[]
    {
        AttackFixtures.FromDelta(0, Global, 1f, 2f),
        AttackFixtures.FromDelta(1, Global, 3f, 2f),
        AttackFixtures.FromDelta(2, Global, -7f, 100f),
        AttackFixtures.FromDelta(3, Global, 5f, 8f),
    };

    [Fact]
    public void AttackModel_EpsilonHalf_SendsGlobalMinusEpsilonTimesBenignMeanDelta()
    {
        var updates = Round();
        var result = new IpmAttack(new IpmOptions { Epsilon = 0.5 }).AttackModel(updates, AttackFixtures.Context(Global, updates, new[] { 2 }));

        // Benign mean delta μ = (3, 4): the malicious delta is −0.5·μ = (−1.5, −2), i.e. weights G − εμ = (−0.5, −1).
        Assert.Equal(new[] { -0.5f, -1f }, result[2].Weights);
    }

    [Fact]
    public void AttackModel_DefaultEpsilon_DeltaIsMinusTenthOfMean()
    {
        var updates = Round();
        var result = new IpmAttack(new IpmOptions()).AttackModel(updates, AttackFixtures.Context(Global, updates, new[] { 2 }));
        var delta = AttackFixtures.DeltaOf(result[2], Global);
        Assert.Equal(-0.3, delta[0], 1e-6);
        Assert.Equal(-0.4, delta[1], 1e-6);
    }

    [Fact]
    public void AttackModel_HonestUpdates_SameInstances()
    {
        var updates = Round();
        var result = new IpmAttack(new IpmOptions()).AttackModel(updates, AttackFixtures.Context(Global, updates, new[] { 2 }));
        Assert.Same(updates[0], result[0]);
        Assert.Same(updates[1], result[1]);
        Assert.Same(updates[3], result[3]);
    }

    [Fact]
    public void Read_EpsilonZero_ReportsKey()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", ("ipm_epsilon", "0"));
        IpmOptions.Read(args);
        Assert.Equal("attack_args.ipm_epsilon", Assert.Single(args.Problems).Key);
    }
}
