using FedSec.Attacks.Fang;
using FedSec.Parameters;

namespace FedSec.Core.Tests.Attacks.Fang;

public class FangTrimAttackTests
{
    private static readonly float[] Global = { 0.5f, -0.5f, 1f, 0f, 2f };

    // Per coordinate, benign values, their mean's sign, and (with b = 2) the interval the paper samples from:
    // 0: {1, 2, 3}, μ > 0, min 1 > 0 → [min/b, min] = [0.5, 1]
    // 1: {−1, −2, 0.5}, μ < 0, max 0.5 > 0 → [max, b·max] = [0.5, 1]
    // 2: {−1, −2, −3}, μ < 0, max −1 ≤ 0 → [max, max/b] = [−1, −0.5]
    // 3: {1, −2, 4}, μ > 0, min −2 ≤ 0 → [b·min, min] = [−4, −2]
    // 4: {1, −1, 0}, μ = 0 → 0
    private static readonly (double Lo, double Hi)[] Intervals = { (0.5, 1), (0.5, 1), (-1, -0.5), (-4, -2), (0, 0) };

    private static ClientUpdate[] Round() => new[]
    {
        AttackFixtures.FromDelta(0, Global, 1f, -1f, -1f, 1f, 1f),
        AttackFixtures.FromDelta(1, Global, 2f, -2f, -2f, -2f, -1f),
        AttackFixtures.FromDelta(2, Global, 9f, 9f, 9f, 9f, 9f),
        AttackFixtures.FromDelta(3, Global, 3f, 0.5f, -3f, 4f, 0f),
        AttackFixtures.FromDelta(4, Global, -9f, -9f, -9f, -9f, -9f),
    };

    private static IReadOnlyList<ClientUpdate> Run(long seed, double b = 2, ClientUpdate[]? updates = null) =>
        new FangTrimAttack(new FangTrimOptions { ClientNum = 2, B = b })
            .AttackModel(updates ?? Round(), AttackFixtures.Context(Global, updates ?? Round(), new[] { 2, 4 }, seed: seed));

    [Fact]
    public void AttackModel_EveryCoordinate_InsideThePapersInterval()
    {
        for (long seed = 0; seed < 50; seed++)
        {
            var result = Run(seed);
            foreach (var id in new[] { 2, 4 })
            {
                var delta = AttackFixtures.DeltaOf(result[id], Global);
                for (int j = 0; j < Intervals.Length; j++)
                {
                    Assert.InRange(delta[j], Intervals[j].Lo - 1e-6, Intervals[j].Hi + 1e-6);
                }
            }
        }
    }

    [Fact]
    public void AttackModel_FactorThree_WidensInterval()
    {
        var seen = Enumerable.Range(0, 50).Select(s => AttackFixtures.DeltaOf(Run(s, b: 3)[2], Global)[3]).ToArray();

        // Coordinate 3 with b = 3: [3·(−2), −2] = [−6, −2]; some draws land below b = 2's bound of −4.
        Assert.All(seen, v => Assert.InRange(v, -6 - 1e-6, -2 + 1e-6));
        Assert.Contains(seen, v => v < -4);
    }

    [Fact]
    public void AttackModel_SameSeed_SameDrawsAndClientsDrawIndependently()
    {
        Assert.Equal(Run(7)[2].Weights, Run(7)[2].Weights);
        Assert.NotEqual(Run(7)[2].Weights, Run(8)[2].Weights);
        Assert.NotEqual(Run(7)[2].Weights, Run(7)[4].Weights);
    }

    [Fact]
    public void AttackModel_HonestUpdates_SameInstances()
    {
        var updates = Round();
        var result = Run(1, updates: updates);
        Assert.Same(updates[0], result[0]);
        Assert.Same(updates[1], result[1]);
        Assert.Same(updates[3], result[3]);
    }
}
