using FedSec.Defenses.Common;
using FedSec.Defenses.DeepSight;

namespace FedSec.Core.Tests.Defenses.DeepSight;

public class DeepSightStatisticsTests
{
    [Fact]
    public void Neups_HandCase_SquaredEnergiesNormalised()
    {
        // ε₀ = |1| + |1| + |−1| = 3, ε₁ = |2| + 0 + 0 = 2: NEUP = (9, 4) / 13.
        var neups = DeepSightStatistics.Neups(new float[] { 1, -1, 0, 0 }, new float[] { 1, 2 });
        Assert.Equal(9.0 / 13, neups[0], 12);
        Assert.Equal(4.0 / 13, neups[1], 12);
    }

    [Fact]
    public void Neups_NoChange_AllZero()
    {
        Assert.Equal(new double[] { 0, 0, 0 }, DeepSightStatistics.Neups(new float[6], new float[3]));
    }

    [Fact]
    public void Neups_WeightsNotAMultipleOfTheBiases_ThrowsNamingBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => DeepSightStatistics.Neups(new float[5], new float[2]));
        Assert.Contains("5 elements", e.Message, StringComparison.Ordinal);
        Assert.Contains("2 biases", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThresholdExceedings_HandCase_CountsAboveMaxOfFactorAndOneOverClassesTimesTheLargest()
    {
        // P = 4: threshold = max(0.01, 1/4) · 0.5 = 0.125; 0.5, 0.3 and 0.15 exceed it.
        Assert.Equal(3, DeepSightStatistics.ThresholdExceedings(new[] { 0.5, 0.3, 0.15, 0.05 }, 0.01));

        // A factor above 1/P wins: threshold 0.5 · 0.5 = 0.25, only 0.5 and 0.3 exceed it.
        Assert.Equal(2, DeepSightStatistics.ThresholdExceedings(new[] { 0.5, 0.3, 0.15, 0.05 }, 0.5));
    }

    [Fact]
    public void Suspicious_AtMostHalfTheMedian_IsSuspicious()
    {
        // Median 5, boundary 2.5: 2 is suspicious, 3 is not.
        Assert.Equal(new[] { false, false, false, true, false }, DeepSightStatistics.Suspicious(new[] { 5, 5, 3, 2, 6 }));

        // Median 4 (even count: mean of 4 and 4), boundary 2: exactly 2 is suspicious.
        Assert.Equal(new[] { true, false, false, false }, DeepSightStatistics.Suspicious(new[] { 2, 4, 4, 9 }));
    }

    [Fact]
    public void AccumulateDdif_HandCase_RatioOfProbabilitiesSummed()
    {
        var sums = new double[2];
        DeepSightStatistics.AccumulateDdif(new[] { new float[] { 0.2f, 0.8f }, new float[] { 0.5f, 0.5f } }, new[] { new float[] { 0.4f, 0.6f }, new float[] { 0.5f, 0.5f } }, sums);
        Assert.Equal((0.2 / 0.4) + 1, sums[0], 5);
        Assert.Equal((0.8 / 0.6) + 1, sums[1], 5);
    }

    [Fact]
    public void ClusterDistances_NoiseIsItsOwnCluster()
    {
        var d = DeepSightStatistics.ClusterDistances(new[] { 0, 0, Hdbscan.Noise, Hdbscan.Noise, 1 });
        Assert.Equal(0, d[0, 1]);
        Assert.Equal(1, d[0, 4]);
        Assert.Equal(1, d[2, 3]);
        Assert.Equal(0, d[2, 2]);
        Assert.Equal(1, d[3, 4]);
    }

    [Fact]
    public void EnsembleDistances_HandCase_MeanOfDdifMeanNeupAndCosine()
    {
        var same = new double[,] { { 0, 0 }, { 0, 0 } };
        var apart = new double[,] { { 0, 1 }, { 1, 0 } };

        // DDif clusterings: one apart, one together → 0.5; NEUP apart 1; cosine together 0: (0.5 + 1 + 0) / 3.
        var d = DeepSightStatistics.EnsembleDistances(new[] { apart, same }, apart, same);
        Assert.Equal(0.5, d[0, 1], 12);
        Assert.Equal(0, d[0, 0]);
    }

    [Fact]
    public void CosineDistances_HandCase()
    {
        var d = DeepSightStatistics.CosineDistances(new[] { new float[] { 1, 0 }, new float[] { 0, 2 }, new float[] { -3, 0 }, new float[] { 0, 0 } });
        Assert.Equal(1, d[0, 1], 9);
        Assert.Equal(2, d[0, 2], 9);
        Assert.Equal(1, d[0, 3], 9);
    }

    [Fact]
    public void Accepted_ClusterWithFewerThanTauSuspicious_KeptElseRemoved()
    {
        // Cluster 0 (4 models, 1 suspicious): 1 < 4/3, kept. Cluster 1 (2 models, 1 suspicious): 1 ≥ 2/3, removed.
        // Noise 6 (suspicious) removed, noise 7 (not) kept.
        var accepted = DeepSightStatistics.Accepted(
            new[] { 0, 0, 0, 0, 1, 1, Hdbscan.Noise, Hdbscan.Noise },
            new[] { true, false, false, false, true, false, true, false },
            1.0 / 3);
        Assert.Equal(new[] { true, true, true, true, false, false, false, true }, accepted);
    }

    [Fact]
    public void EuclideanDistances_HandCase()
    {
        var d = DeepSightStatistics.EuclideanDistances(new[] { new double[] { 0, 0 }, new double[] { 3, 4 } });
        Assert.Equal(5, d[0, 1], 12);
        Assert.Equal(5, d[1, 0], 12);
    }
}
