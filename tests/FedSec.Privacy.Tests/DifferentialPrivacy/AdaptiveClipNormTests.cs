using FedSec.Privacy.DifferentialPrivacy;

namespace FedSec.Privacy.Tests.DifferentialPrivacy;

public class AdaptiveClipNormTests
{
    [Fact]
    public void Next_FractionAboveTheTarget_ShrinksGeometrically()
    {
        // C·exp(−η (b − γ)) = 2·exp(−0.2·(0.8 − 0.5)).
        Assert.Equal(2 * Math.Exp(-0.06), AdaptiveClipNorm.Next(2, 0.8, 0.5, 0.2), 14);
    }

    [Fact]
    public void UpdateNoiseMultiplier_HandComputed()
    {
        // z = 1, sigma_b = 1: (1 − 1/4)^(−1/2) = 2/√3.
        Assert.Equal(2 / Math.Sqrt(3), AdaptiveClipNorm.UpdateNoiseMultiplier(1, 1), 14);
    }

    [Fact]
    public void UpdateNoiseMultiplier_TotalAtLeastTwiceTheCountNoise_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveClipNorm.UpdateNoiseMultiplier(2, 1));
}
