using FedSec.Attacks.Mimic;
using FedSec.Parameters;

namespace FedSec.Core.Tests.Attacks.Mimic;

public class MimicAttackTests
{
    private static readonly float[] Global = { 1f, 1f };

    // Benign deltas spread along the x axis: (−1, 0), (0, 0), (4, 0), (0, 0.1); mean (0.75, 0.025). The top principal
    // direction is (almost) the x axis, and client 3 at x = 4 lies farthest along it (3.25 vs 1.75 for client 0).
    private static ClientUpdate[] Round(float lastX = 4f) => new[]
    {
        AttackFixtures.FromDelta(0, Global, -1f, 0f),
        AttackFixtures.FromDelta(1, Global, 7f, 7f),
        AttackFixtures.FromDelta(2, Global, 0f, 0f),
        AttackFixtures.FromDelta(3, Global, lastX, 0f),
        AttackFixtures.FromDelta(4, Global, 0f, 0.1f),
        AttackFixtures.FromDelta(5, Global, -7f, 7f),
    };

    [Fact]
    public void Choose_PointsAlongAxis_FarthestAlongPrincipalDirection()
    {
        var deltas = new[] { new[] { -1f, 0f }, new[] { 0f, 0f }, new[] { 4f, 0f }, new[] { 0f, 0.1f } };
        Assert.Equal(2, MimicKernel.Choose(deltas));
    }

    [Fact]
    public void AttackModel_Heuristic_AllMaliciousCopyTheChosenClientExactly()
    {
        var updates = Round();
        var attack = new MimicAttack(new MimicOptions { ClientNum = 2 });
        var result = attack.AttackModel(updates, AttackFixtures.Context(Global, updates, new[] { 1, 5 }));
        Assert.Equal(3, attack.LastMimicked);
        Assert.Equal(updates[3].Weights, result[1].Weights);
        Assert.Equal(updates[3].Weights, result[5].Weights);
        Assert.NotSame(updates[3].Weights, result[1].Weights);
        Assert.Equal(1, result[1].ClientId);
    }

    [Fact]
    public void AttackModel_ConfiguredClient_CopiesIt()
    {
        var updates = Round();
        var attack = new MimicAttack(new MimicOptions { Client = 4 });
        var result = attack.AttackModel(updates, AttackFixtures.Context(Global, updates, new[] { 1, 5 }));
        Assert.Equal(updates[4].Weights, result[1].Weights);
        Assert.Equal(updates[4].Weights, result[5].Weights);
    }

    [Fact]
    public void AttackModel_LaterRound_KeepsFollowingTheFirstChoice()
    {
        var attack = new MimicAttack(new MimicOptions());
        var first = Round();
        attack.AttackModel(first, AttackFixtures.Context(Global, first, new[] { 1, 5 }));

        // In round 1 client 0 is the outlier (x = −1 vs 0.5); the attacker still follows client 3.
        var second = Round(lastX: 0.5f);
        var result = attack.AttackModel(second, AttackFixtures.Context(Global, second, new[] { 1, 5 }, round: 1));
        Assert.Equal(3, attack.LastMimicked);
        Assert.Equal(second[3].Weights, result[1].Weights);
    }

    [Fact]
    public void AttackModel_FollowedClientAbsentForARound_FollowsItAgainWhenItReturns()
    {
        var attack = new MimicAttack(new MimicOptions());
        var first = Round();
        attack.AttackModel(first, AttackFixtures.Context(Global, first, new[] { 1, 5 }));
        Assert.Equal(3, attack.LastMimicked);

        // Round 1 without client 3 (partial participation): the heuristic picks among 0, 2 and 4 for this round only.
        var absent = Round().Where(u => u.ClientId != 3).ToArray();
        attack.AttackModel(absent, AttackFixtures.Context(Global, absent, new[] { 1, 5 }, round: 1));
        Assert.NotEqual(3, attack.LastMimicked);

        // Round 2: client 3 is back and is copied again, though client 0 is now the outlier.
        var back = Round(lastX: 0.5f);
        var result = attack.AttackModel(back, AttackFixtures.Context(Global, back, new[] { 1, 5 }, round: 2));
        Assert.Equal(3, attack.LastMimicked);
        Assert.Equal(back[3].Weights, result[1].Weights);
    }

    [Fact]
    public void AttackModel_HonestUpdates_SameInstances()
    {
        var updates = Round();
        var result = new MimicAttack(new MimicOptions()).AttackModel(updates, AttackFixtures.Context(Global, updates, new[] { 1, 5 }));
        foreach (var i in new[] { 0, 2, 3, 4 })
        {
            Assert.Same(updates[i], result[i]);
        }
    }
}
