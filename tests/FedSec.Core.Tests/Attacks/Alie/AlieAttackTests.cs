using FedSec.Attacks.Alie;
using FedSec.Parameters;

namespace FedSec.Core.Tests.Attacks.Alie;

public class AlieAttackTests
{
    // Φ⁻¹ at 0.6, 0.8 and 8/9, from a 40-digit evaluation of √2·erf⁻¹(2p − 1).
    private const double ZOf0Point6 = 0.2533471031357998;
    private const double ZOf0Point8 = 0.8416212335729142;
    private const double ZOf8Ninths = 1.2206403488473496;
    private static readonly float[] Global = { 1f, -1f };

    // Benign deltas (1,2), (3,2), (5,8), (3,4): μ = (3, 4); sample σ = (√(8/3), √8).
    private static ClientUpdate[] Round() => new[]
    {
        AttackFixtures.FromDelta(0, Global, 1f, 2f),
        AttackFixtures.FromDelta(1, Global, 3f, 2f),
        AttackFixtures.FromDelta(2, Global, 9f, 9f),
        AttackFixtures.FromDelta(3, Global, 5f, 8f),
        AttackFixtures.FromDelta(4, Global, 3f, 4f),
    };

    [Fact]
    public void DefaultZ_TenClientsTwoMalicious_IsInverseCdfOfZeroPointSix()
    {
        // s = ⌊10/2 + 1⌋ − 2 = 4; (n − s)/n = 0.6.
        Assert.Equal(ZOf0Point6, AlieAttack.DefaultZ(10, 2), 1e-15);
    }

    [Theory]
    [InlineData(5, 1, ZOf0Point6)]
    [InlineData(20, 3, ZOf0Point6)]
    [InlineData(5, 2, ZOf0Point8)]
    [InlineData(9, 4, ZOf8Ninths)]
    public void DefaultZ_FormulaCases_MatchPaper(int n, int f, double z)
    {
        Assert.Equal(z, AlieAttack.DefaultZ(n, f), 1e-15);
    }

    [Fact]
    public void DefaultZ_TenClientsOneMalicious_IsExactlyZero()
    {
        // s = 5 of 10: (n − s)/n = 0.5, the median.
        Assert.Equal(0.0, AlieAttack.DefaultZ(10, 1));
    }

    [Fact]
    public void AttackModel_DefaultZ_CoordinatesAreMeanMinusZSigma()
    {
        var updates = Round();
        var result = new AlieAttack(new AlieOptions { ClientNum = 1 }).AttackModel(updates, AttackFixtures.Context(Global, updates, new[] { 2 }));

        // n = 5, f = 1: s = 2, z = Φ⁻¹(0.6).
        var delta = AttackFixtures.DeltaOf(result[2], Global);
        Assert.Equal(3 - (ZOf0Point6 * Math.Sqrt(8.0 / 3)), delta[0], 1e-5);
        Assert.Equal(4 - (ZOf0Point6 * Math.Sqrt(8.0)), delta[1], 1e-5);
    }

    [Fact]
    public void AttackModel_ConfiguredZ_UsesIt()
    {
        var updates = Round();
        var result = new AlieAttack(new AlieOptions { Z = 1.5 }).AttackModel(updates, AttackFixtures.Context(Global, updates, new[] { 2 }));
        var delta = AttackFixtures.DeltaOf(result[2], Global);
        Assert.Equal(3 - (1.5 * Math.Sqrt(8.0 / 3)), delta[0], 1e-5);
        Assert.Equal(4 - (1.5 * Math.Sqrt(8.0)), delta[1], 1e-5);
    }

    [Fact]
    public void AttackModel_TwoMalicious_BothSendTheSameAndHonestUntouched()
    {
        var updates = Round();
        var result = new AlieAttack(new AlieOptions { ClientNum = 2 }).AttackModel(updates, AttackFixtures.Context(Global, updates, new[] { 2, 4 }));
        Assert.Equal(result[2].Weights, result[4].Weights);
        Assert.Same(updates[0], result[0]);
        Assert.Same(updates[1], result[1]);
        Assert.Same(updates[3], result[3]);

        // Benign now (1,2), (3,2), (5,8): μ = (3, 4), σ = (2, √12); n = 5, f = 2: s = 1, z = Φ⁻¹(0.8).
        double z = ZOf0Point8;
        var delta = AttackFixtures.DeltaOf(result[4], Global);
        Assert.Equal(3 - (z * 2), delta[0], 1e-5);
        Assert.Equal(4 - (z * Math.Sqrt(12)), delta[1], 1e-5);
    }

    [Fact]
    public void AttackModel_NoMaliciousInRound_ReturnsInputUnchanged()
    {
        var updates = Round();
        Assert.Same(updates, new AlieAttack(new AlieOptions()).AttackModel(updates, AttackFixtures.Context(Global, updates, Array.Empty<int>())));
    }
}
