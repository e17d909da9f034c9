using FedSec.Attacks.ThreeDFed;

namespace FedSec.Core.Tests.Attacks.ThreeDFed;

public class AdaptiveTuningTests
{
    private const IndicatorStatus A = IndicatorStatus.Accepted;
    private const IndicatorStatus C = IndicatorStatus.Clipped;
    private const IndicatorStatus R = IndicatorStatus.Rejected;

    [Fact]
    public void Update_EveryBackdoorModelRejected_AddsADecoy()
    {
        var (_, k) = AdaptiveTuning.Update([0.5, 0.5], 0, [R, R, R, R], 4, 2, weakDp: false, 0, new Random(1));
        Assert.Equal(1, k);
    }

    [Fact]
    public void Update_AcceptedDecoy_IsRemovedAndNoneAdded()
    {
        // k = 2 − 1 accepted decoy = 1; no backdoor model got through, but a decoy did: no new decoy.
        var (_, k) = AdaptiveTuning.Update([0.5], 2, [R, R, A, R], 2, 2, weakDp: false, 0, new Random(1));
        Assert.Equal(1, k);
    }

    [Fact]
    public void Update_ClippedBackdoorModel_KeepsTheDecoyCount()
    {
        var (_, k) = AdaptiveTuning.Update([0.5, 0.5], 1, [C, R, R, R, R], 4, 2, weakDp: false, 0, new Random(1));
        Assert.Equal(1, k);
    }

    [Fact]
    public void Update_EveryGroupAccepted_DrawsAlphaBetweenTheTwoSmallestAccepted()
    {
        var alpha = new[] { 0.6, 0.3 };
        var (next, _) = AdaptiveTuning.Update(alpha, 0, [A, A, A, A], 4, 2, weakDp: false, 0, new Random(3));
        Assert.All(next, a => Assert.InRange(a, 0.3, 0.6));
    }

    [Fact]
    public void Update_SomeGroupsAccepted_DrawsAlphaWithinATenthAboveTheSmallestAccepted()
    {
        var (next, _) = AdaptiveTuning.Update([0.4, 0.9], 0, [A, A, R, R], 4, 2, weakDp: false, 0, new Random(3));
        Assert.All(next, a => Assert.InRange(a, 0.4, 0.5));
    }

    [Fact]
    public void Update_NoGroupAccepted_DrawsAlphaAfreshAboveTheLowerEnd()
    {
        var rng = new Random(5);
        var (next, _) = AdaptiveTuning.Update([0.1, 0.1], 0, [R, R, C, C], 4, 2, weakDp: false, 0.7, rng);
        Assert.All(next, a => Assert.InRange(a, 0.7, 0.99));
    }

    [Fact]
    public void Update_WeakDp_SetsEveryAlphaToATenthAndKeepsK()
    {
        var (next, k) = AdaptiveTuning.Update([0.4, 0.9], 2, [], 4, 2, weakDp: true, 0, new Random(3));
        Assert.Equal([0.1, 0.1], next);
        Assert.Equal(2, k);
    }
}
