using FedSec.Attacks.ThreeDFed;

namespace FedSec.Core.Tests.Attacks.ThreeDFed;

public class IndicatorReadingTests
{
    [Fact]
    public void Classify_HandComputed_AcceptedClippedRejected()
    {
        // max = 0.1: 0.1 and 0.09 (> 0.08) accepted, 0.05 (≤ 0.08) clipped, 1e-5 (≤ 1e-4) rejected.
        var (statuses, weak) = IndicatorReading.Classify([0.1, 0.09, 0.05, 1e-5], 1e-4, weakDp: false);
        Assert.False(weak);
        Assert.Equal([IndicatorStatus.Accepted, IndicatorStatus.Accepted, IndicatorStatus.Clipped, IndicatorStatus.Rejected], statuses);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.01)]
    public void Classify_FeedbackAveragingCannotGive_MeansWeakDp(double odd)
    {
        var (statuses, weak) = IndicatorReading.Classify([0.1, odd], 1e-4, weakDp: false);
        Assert.True(weak);
        Assert.Empty(statuses);
    }

    [Fact]
    public void Classify_OnceWeakDp_ReadsNothing()
    {
        var (statuses, weak) = IndicatorReading.Classify([0.1], 1e-4, weakDp: true);
        Assert.True(weak);
        Assert.Empty(statuses);
    }
}
