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

    [Fact]
    public void Classify_SampleWeightedMean_ComparesFeedbackPerSample()
    {
        // FedAvg over 1 000 samples: models of clients with 50, 100 and 80 samples, the third halved by the server.
        // f = 0.05, 0.1, 0.04; per sample 0.001, 0.001, 0.0005: accepted, accepted, clipped. Without the weights the
        // first (0.05 ≤ 0.08) would read clipped.
        var (statuses, _) = IndicatorReading.Classify([0.05, 0.1, 0.04], 1e-4, weakDp: false, weights: [50, 100, 80]);
        Assert.Equal([IndicatorStatus.Accepted, IndicatorStatus.Accepted, IndicatorStatus.Clipped], statuses);
        Assert.Equal(IndicatorStatus.Clipped, IndicatorReading.Classify([0.05, 0.1, 0.04], 1e-4, weakDp: false).Statuses[0]);
    }

    [Fact]
    public void Classify_AWeightOfZero_ComparesEveryFeedbackAsItIs()
    {
        // With the weights 0 and 100, dividing only the second (0.1 / 100 = 0.001) would rank it below 0.05.
        var (statuses, _) = IndicatorReading.Classify([0.05, 0.1], 1e-4, weakDp: false, weights: [0, 100]);
        Assert.Equal([IndicatorStatus.Clipped, IndicatorStatus.Accepted], statuses);
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
