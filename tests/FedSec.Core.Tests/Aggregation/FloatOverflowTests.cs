using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

/// <summary>
/// Finite vectors whose entries are past ~1e17, where a float sum of squares overflows (an attacker's boosted or
/// diverging update), or past ±1.7e38 on opposite sides, where their difference does: distances, dot products,
/// clips, the geometric median, and the coordinate median and trimmed mean (whose float means of values near
/// float's maximum overflow) stay exact, as in double.
/// </summary>
public sealed class FloatOverflowTests
{
    private const float Huge = 1e20f;

    [Fact]
    public void SquaredDistance_EntriesOf1e20_IsTheExactDoubleValue()
    {
        float[] x = [Huge, 0, 3];
        float[] y = [-Huge, 0, -1];

        double d = PairwiseDistances.SquaredDistance(x, y);

        double expected = (2.0 * Huge * 2.0 * Huge) + 16; // (2·10²⁰)² + 4²
        Assert.Equal(expected, d, expected * 1e-12);
    }

    [Fact]
    public void CoordinateMedian_TwoMiddleValuesNearFloatMax_TheirMeanNotInfinity()
    {
        // Even n: the mean of the two middle values, (3e38 + 3.2e38)/2 = 3.1e38 in double, ∞ in float (and its negative).
        float[][] vectors = [[3e38f, 1, -3e38f], [3.2e38f, 3, -3.2e38f], [-1, 0, 0], [3.3e38f, 5, -3.3e38f]];

        var median = CoordinateMedian.Of(vectors);

        Assert.Equal(3.1e38f, median[0], 3.1e38f * 1e-6f);
        Assert.Equal(2f, median[1]);
        Assert.Equal(-3.1e38f, median[2], 3.1e38f * 1e-6f);
    }

    [Theory]
    [InlineData(3)]   // the scalar tail
    [InlineData(40)]  // SIMD lanes and the tail
    public void CoordinateTrimmedMean_KeptValuesNearFloatMax_TheirMeanNotInfinity(int d)
    {
        // Five clients, one trimmed each side (−1 and 3.4e38): the kept 2e38, 3e38 and 3e38 average to 2.67e38; their
        // float sum is ∞. Column 0 stays small and keeps the float kernel's value: (1 + 2 + 3)/3.
        var values = new[] { 3e38f, 3e38f, 2e38f, 3.4e38f, -1f };
        var vectors = values.Select(v => Enumerable.Repeat(v, d).ToArray()).ToArray();
        for (int i = 0; i < 5; i++)
        {
            vectors[i][0] = i;
        }

        var mean = CoordinateTrimmedMean.Of(vectors, 1);

        Assert.All(mean.Skip(1), v => Assert.Equal(8e38 / 3, v, 8e38 / 3 * 1e-6));
        Assert.Equal(2f, mean[0]);
    }

    [Fact]
    public void NearestToMedianMean_ValuesNearFloatMax_TheWindowsMeanNotInfinity()
    {
        // Bulyan's step with β = 3 of five values 1, 2.9e38, 3e38, 3.1e38, 3.3e38: the median 3e38 and its nearest three
        // (2.9e38, 3e38, 3.1e38) average to 3e38; their float sum is ∞. Column 1 is small and keeps the float result.
        float[][] vectors = [[1, 1], [2.9e38f, 2], [3e38f, 3], [3.1e38f, 4], [3.3e38f, 50]];

        var mean = NearestToMedianMean.Of(vectors, 3);

        Assert.Equal(3e38f, mean[0], 3e38f * 1e-6f);
        Assert.Equal(3f, mean[1]);
    }

    [Fact]
    public void DotProduct_EntriesOf1e20_IsTheExactDoubleValue()
    {
        float[] x = [Huge, Huge, 1];

        double dot = DotProduct.Of(x, x);

        Assert.Equal(2.0 * Huge * Huge, dot, 2.0 * Huge * Huge * 1e-12);
    }

    [Fact]
    public void PairwiseDistances_LongVectorsOneHuge_FiniteAndEqualToTheDirectOnes()
    {
        // Long enough for the Gram path, whose float tiles overflow on the huge vector.
        const int d = PairwiseDistances.DirectBelow * 2;
        var vectors = new List<float[]> { Filled(d, 0.01f), Filled(d, -0.02f), Filled(d, Huge) };

        var squared = PairwiseDistances.Squared(vectors);

        double far = (double)d * (Huge - 0.01) * (Huge - 0.01);
        Assert.Equal(far, squared[0, 2], far * 1e-6);
        Assert.Equal(d * 0.03 * 0.03, squared[0, 1], d * 0.03 * 0.03 * 1e-5);
        Assert.Equal(PairwiseDistances.SquaredDirect(vectors)[1, 2], squared[1, 2]);
    }

    [Fact]
    public void GeometricMedian_FourHonestPointsAndOneAt1e20_StaysWithTheHonestPoints()
    {
        // The weighted mean starts 2·10¹⁹ from every point: each float distance overflowed, every Weiszfeld weight
        // became 1/∞ = 0, and the median threw "The weights sum to zero" (an RFA run under AlterMin, 2026-12-05).
        const int d = 8;
        var points = new List<float[]> { Filled(d, 1), Filled(d, 2), Filled(d, 3), Filled(d, 4), Filled(d, Huge) };

        var result = GeometricMedian.Compute(points, [1, 1, 1, 1, 1], 1e-6, 100, 1e-6);

        // All points lie on one line, where the geometric median is the 1-D median of 1, 2, 3, 4 and 10²⁰: 3. Keeping the
        // best point seen by the objective (the outlier's distance, ~2.8·10²⁰, which rounds away steps below 10⁴)
        // stopped near 10³.
        Assert.All(result.Median, v => Assert.Equal(3.0, v, 1e-3));
        Assert.All(result.Distances, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void ClipAround_DistanceOf1e20_ScalesTheUpdateToTheBoundNotToZero()
    {
        float[] x = [Huge, -Huge, 0, 0];
        float[] center = [0, 0, 0, 0];

        var clipped = VectorNorms.ClipAround(x, center, 1.0, out double distance);

        Assert.Equal(Math.Sqrt(2) * Huge, distance, Huge * 1e-6);
        Assert.InRange(VectorNorms.L2(clipped), 1 - 1e-5, 1.0);
        Assert.True(clipped[0] > 0.7f && clipped[1] < -0.7f);
    }

    [Fact]
    public void ClipAroundCenter_Distances_FiniteFor1e20()
    {
        var distances = ClipAroundCenter.Distances([Filled(16, Huge), Filled(16, 1)], Filled(16, 0));

        Assert.Equal(4.0 * Huge, distances[0], Huge * 1e-6);
        Assert.Equal(4.0, distances[1], 1e-9);
    }

    [Fact]
    public void ClipAround_BoundPastFloatSquares_ScalesTheUpdateNotToTheCentre()
    {
        // ‖x‖ = 4·10²⁰, bound 2·10²⁰: the clipped vector is x/2, whose float sum of squares (4·10⁴⁰) overflows.
        var clipped = VectorNorms.ClipAround(Filled(16, Huge), Filled(16, 0), 2.0 * Huge, out double distance);

        Assert.Equal(4.0 * Huge, distance, Huge * 1e-6);
        Assert.All(clipped, v => Assert.Equal(Huge / 2, v, Huge * 1e-6f));
    }

    [Fact]
    public void ClipAround_OppositeSignsNearFloatMax_IsTheMidpointNotNaN()
    {
        // x − c = 6·10³⁸ overflows float; with the bound half the distance the clip is the midpoint, 0.
        float[] x = [3e38f, 0];
        float[] center = [-3e38f, 0];

        var clipped = VectorNorms.ClipAround(x, center, 3e38, out double distance);

        Assert.Equal(6e38, distance, 1e32);
        Assert.InRange(clipped[0], -1e33f, 1e33f);
        Assert.Equal(0f, clipped[1]);
    }

    private static float[] Filled(int d, float value) => Enumerable.Repeat(value, d).ToArray();
}
