using FedSec.Attacks.Common;

namespace FedSec.Core.Tests.Attacks.Common;

public class CoordinateStatisticsTests
{
    private static readonly float[][] Vectors = { new[] { 1f, 2f }, new[] { 3f, 2f }, new[] { 5f, 8f } };

    [Fact]
    public void Mean_ThreeVectors_CoordinateWise()
    {
        Assert.Equal(new[] { 3f, 4f }, CoordinateStatistics.Mean(Vectors));
    }

    [Fact]
    public void StandardDeviation_ThreeVectors_SampleStdWithNMinusOne()
    {
        // Coordinate 0: deviations −2, 0, 2 → 8/2 = 4 → 2. Coordinate 1: −2, −2, 4 → 24/2 = 12.
        var std = CoordinateStatistics.StandardDeviation(Vectors, new[] { 3f, 4f });
        Assert.Equal(2.0, std[0], 1e-6);
        Assert.Equal(Math.Sqrt(12), std[1], 1e-6);
    }

    [Fact]
    public void StandardDeviation_OneVector_Zero()
    {
        Assert.Equal(new[] { 0f, 0f }, CoordinateStatistics.StandardDeviation(new[] { new[] { 1f, 2f } }, new[] { 1f, 2f }));
    }

    [Fact]
    public void Norm_ThreeFour_Five()
    {
        Assert.Equal(5.0, CoordinateStatistics.Norm(new[] { 3f, -4f }), 1e-12);
    }
}
