using FedSec.Attacks.SignFlip;
using FedSec.Parameters;

namespace FedSec.Core.Tests.Attacks.SignFlip;

public class SignFlipAttackTests
{
    [Fact]
    public void AttackModel_ScaleTwo_SendsGlobalMinusTwiceOwnDelta()
    {
        var global = new[] { 1f, 2f, 0f, 5f };
        var layout = AttackFixtures.LayoutWithBuffers(3, 1);
        var updates = new[]
        {
            new ClientUpdate(0, 10, new[] { 1.5f, 2f, 1f, 6f }),
            new ClientUpdate(1, 10, new[] { 2f, 1f, -0.5f, 7f }),
        };
        var result = new SignFlipAttack(new SignFlipOptions { Scale = 2 }).AttackModel(updates, AttackFixtures.Context(global, updates, new[] { 1 }, layout));

        // Own delta (1, −1, −0.5) → G − 2·delta = (−1, 4, 1); the buffer keeps the client's own 7.
        Assert.Equal(new[] { -1f, 4f, 1f, 7f }, result[1].Weights);
        Assert.Same(updates[0], result[0]);
    }

    [Fact]
    public void AttackModel_DefaultScale_ReversesDelta()
    {
        var global = new[] { 0.5f, -0.5f };
        var updates = new[] { AttackFixtures.FromDelta(3, global, 0.25f, -1f) };
        var result = new SignFlipAttack(new SignFlipOptions()).AttackModel(updates, AttackFixtures.Context(global, updates, new[] { 3 }));
        Assert.Equal(new[] { 0.25f, 0.5f }, result[0].Weights);
    }
}
