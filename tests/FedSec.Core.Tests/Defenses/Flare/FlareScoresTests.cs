using FedSec.Defenses.Flare;

namespace FedSec.Core.Tests.Defenses.Flare;

public class FlareScoresTests
{
    [Fact]
    public void Mmd_HandCase_UnbiasedGaussianKernelEstimate()
    {
        // X = {0, 0}, Y = {1, 1}, γ = 1: k(x, x') = 1, k(y, y') = 1, k(x, y) = e⁻¹: 1 + 1 − 2e⁻¹.
        double mmd = FlareScores.Mmd(new[] { new float[] { 0 }, new float[] { 0 } }, new[] { new float[] { 1 }, new float[] { 1 } }, 1);
        Assert.Equal(2 - (2 / Math.E), mmd, 12);
    }

    [Fact]
    public void Mmd_SameSet_IsTheUnbiasedNegativeBias()
    {
        // X = Y = {0, 1}, γ = 1: within-set terms e⁻¹ each, cross term (1 + e⁻¹ + e⁻¹ + 1)/4: e⁻¹ − 1.
        var x = new[] { new float[] { 0 }, new float[] { 1 } };
        Assert.Equal((1 / Math.E) - 1, FlareScores.Mmd(x, x, 1), 12);
    }

    [Fact]
    public void Mmd_FartherSets_Larger()
    {
        var x = new[] { new float[] { 0, 0 }, new float[] { 0.1f, 0 } };
        double near = FlareScores.Mmd(x, new[] { new float[] { 0.2f, 0 }, new float[] { 0.3f, 0 } }, 0.5);
        double far = FlareScores.Mmd(x, new[] { new float[] { 2, 0 }, new float[] { 2.1f, 0 } }, 0.5);
        Assert.True(far > near);
    }

    [Fact]
    public void NeighbourCounts_HandCase_PointsOnALine()
    {
        // Positions 0, 1, 2, 10 with k = 2: 0 names 1, 2; 1 names 0, 2; 2 names 1, 0; 10 names 2, 1.
        var p = new[] { 0.0, 1, 2, 10 };
        var d = new double[4, 4];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                d[i, j] = Math.Abs(p[i] - p[j]);
            }
        }

        Assert.Equal(new[] { 2, 3, 3, 0 }, FlareScores.NeighbourCounts(d, 2));
    }

    [Fact]
    public void NeighbourCounts_NaNDistance_CountsAsFarthest()
    {
        // Client 2's representations overflowed: its distances are NaN. 0 names 1, 1 names 0, and 2 (all others at NaN,
        // a tie) names 0; nobody names 2. Ordered as .NET orders NaN (first), 0 and 1 both named 2: counts (1, 0, 2).
        var d = new double[,] { { 0, 1, double.NaN }, { 1, 0, double.NaN }, { double.NaN, double.NaN, 0 } };
        Assert.Equal(new[] { 2, 1, 0 }, FlareScores.NeighbourCounts(d, 1));
    }

    [Fact]
    public void TrustScores_HandCase_SoftmaxOfCountsOverTemperature()
    {
        var ts = FlareScores.TrustScores(new[] { 2, 3, 3, 0 }, 1);
        double total = Math.Exp(2) + (2 * Math.Exp(3)) + 1;
        Assert.Equal(Math.Exp(2) / total, ts[0], 12);
        Assert.Equal(Math.Exp(3) / total, ts[1], 12);
        Assert.Equal(1 / total, ts[3], 12);

        // τ = 2 halves the exponents.
        var warm = FlareScores.TrustScores(new[] { 0, 2 }, 2);
        Assert.Equal(1 / (1 + Math.E), warm[0], 12);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.3)]
    [InlineData(7.0)]
    public void TrustScores_AnyCounts_SumToOneAndFollowTheCounts(double temperature)
    {
        var rng = new Random(5);
        var counts = Enumerable.Range(0, 20).Select(_ => rng.Next(0, 15)).ToArray();
        var ts = FlareScores.TrustScores(counts, temperature);
        Assert.Equal(1, ts.Sum(), 9);
        for (int i = 0; i < counts.Length; i++)
        {
            for (int j = 0; j < counts.Length; j++)
            {
                if (counts[i] < counts[j])
                {
                    Assert.True(ts[i] < ts[j]);
                }
            }
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(10, 5)]
    [InlineData(11, 5)]
    public void Neighbours_HalfTheClients(int n, int k) => Assert.Equal(k, FlareScores.Neighbours(n));
}
