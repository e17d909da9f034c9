using FedSec.Attacks.Common;
using FedSec.Parameters;

namespace FedSec.Core.Tests.Attacks.Common;

public class RoundViewTests
{
    private static readonly float[] Global = { 1f, 2f, 3f, 10f, 20f };

    private static (RoundView View, ClientUpdate[] Updates) Build(params int[] malicious)
    {
        var layout = AttackFixtures.LayoutWithBuffers(3, 2);
        var updates = new[]
        {
            new ClientUpdate(4, 10, new[] { 2f, 2f, 2f, 11f, 21f }),
            new ClientUpdate(7, 10, new[] { 1f, 4f, 3f, 12f, 22f }),
            new ClientUpdate(9, 10, new[] { 0f, 2f, 5f, 13f, 23f }),
        };
        return (new RoundView(updates, AttackFixtures.Context(Global, updates, malicious, layout)), updates);
    }

    [Fact]
    public void Delta_LayoutWithBuffers_TrainablePartMinusGlobal()
    {
        var (view, _) = Build(7);
        Assert.Equal(new[] { 1f, 0f, -1f }, view.Delta(0));
        Assert.Equal(new[] { 0f, 2f, 0f }, view.Delta(1));
    }

    [Fact]
    public void Constructor_MaliciousIdentity_SplitsPositions()
    {
        var (view, _) = Build(7);
        Assert.Equal(new[] { 0, 2 }, view.Benign);
        Assert.Equal(new[] { 1 }, view.Malicious);
    }

    [Fact]
    public void WithDelta_LayoutWithBuffers_SetsTrainableKeepsOwnBuffers()
    {
        var (view, _) = Build(7);
        var forged = view.WithDelta(1, new[] { 5f, -1f, 0.5f });
        Assert.Equal(new[] { 6f, 1f, 3.5f, 12f, 22f }, forged.Weights);
        Assert.Equal(7, forged.ClientId);
    }

    [Fact]
    public void ReplaceMalicious_BenignUpdates_SameInstances()
    {
        var (view, updates) = Build(7);
        var result = view.ReplaceMalicious(i => view.WithDelta(i, new float[3]));
        Assert.Same(updates[0], result[0]);
        Assert.Same(updates[2], result[2]);
        Assert.NotSame(updates[1], result[1]);
    }

    [Fact]
    public void ReferenceDeltas_NoBenignUpdate_FallsBackToMaliciousOwn()
    {
        var (view, _) = Build(4, 7, 9);
        Assert.Equal(3, view.ReferenceDeltas().Count);
        var (some, _) = Build(7);
        Assert.Equal(new[] { new[] { 1f, 0f, -1f }, new[] { -1f, 0f, 2f } }, some.ReferenceDeltas());
    }
}
