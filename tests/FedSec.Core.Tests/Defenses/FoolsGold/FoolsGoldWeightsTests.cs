using FedSec.Defenses.FoolsGold;

namespace FedSec.Core.Tests.Defenses.FoolsGold;

public class FoolsGoldWeightsTests
{
    private static double[,] Symmetric(double c01, double c02, double c12) => new double[,]
    {
        { 1, c01, c02 },
        { c01, 1, c12 },
        { c02, c12, 1 },
    };

    [Fact]
    public void Compute_TwinsAndStranger_TwinsZeroStrangerOne()
    {
        Assert.Equal(new double[] { 0, 0, 1 }, FoolsGoldWeights.Compute(Symmetric(1, 0, 0), 1.0));
    }

    [Fact]
    public void Compute_HandCase_FollowsPardoningRescaleAndLogit()
    {
        // v = (0.5, 0.5, 0.2); pardoning: cs20 = 0.2·0.2/0.5 = 0.08, cs21 = 0.1·0.2/0.5 = 0.04;
        // α = (0.5, 0.5, 0.92) / 0.92; weight = ln(α/(1 − α)) + 0.5, the top one 1 (0.99 → clipped).
        var w = FoolsGoldWeights.Compute(Symmetric(0.5, 0.2, 0.1), 1.0);
        double a = 0.5 / 0.92;
        double expected = Math.Log(a / (1 - a)) + 0.5;
        Assert.Equal(expected, w[0], 12);
        Assert.Equal(expected, w[1], 12);
        Assert.Equal(1, w[2]);
    }

    [Fact]
    public void Compute_Kappa_ScalesTheLogit()
    {
        var w = FoolsGoldWeights.Compute(Symmetric(0.5, 0.2, 0.1), 0.5);
        double a = 0.5 / 0.92;
        Assert.Equal(0.5 * (Math.Log(a / (1 - a)) + 0.5), w[0], 12);
    }

    [Fact]
    public void Compute_AllNegativeSimilarities_EveryoneFullWeight()
    {
        Assert.Equal(new double[] { 1, 1, 1 }, FoolsGoldWeights.Compute(Symmetric(-0.5, -0.5, -0.5), 1.0));
    }

    [Fact]
    public void Compute_EveryoneHasATwin_AllZero()
    {
        var cs = new double[,] { { 1, 1, 0, 0 }, { 1, 1, 0, 0 }, { 0, 0, 1, 1 }, { 0, 0, 1, 1 } };
        Assert.All(FoolsGoldWeights.Compute(cs, 1.0), w => Assert.Equal(0, w));
    }
}
