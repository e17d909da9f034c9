using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class GeometricMedianTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Compute_TwoDimensions_MatchesBruteForceGridMinimiser(int seed)
    {
        var rng = new Random(seed);
        var points = Enumerable.Range(0, 7).Select(_ => new[] { (float)(rng.NextDouble() * 10), (float)(rng.NextDouble() * 10) }).ToArray();
        var weights = Enumerable.Range(0, 7).Select(_ => (double)rng.Next(1, 6)).ToArray();
        var result = GeometricMedian.Compute(points, weights, nu: 1e-9, maxIterations: 2000, tolerance: 1e-12);

        // Grid over the box, then a finer grid around the best cell.
        var (bx, by) = (0.0, 0.0);
        double best = double.MaxValue;
        void Search(double x0, double y0, double span, double step)
        {
            double cx = bx, cy = by;
            for (double x = x0 - span; x <= x0 + span; x += step)
            {
                for (double y = y0 - span; y <= y0 + span; y += step)
                {
                    double f = Objective(points, weights, x, y);
                    if (f < best)
                    {
                        (best, cx, cy) = (f, x, y);
                    }
                }
            }

            (bx, by) = (cx, cy);
        }

        Search(5, 5, 5, 0.05);
        Search(bx, by, 0.06, 0.0005);
        Assert.True(result.Objective <= best * (1 + 1e-7), $"Weiszfeld {result.Objective} vs grid {best}.");
        Assert.Equal(bx, result.Median[0], 0.005);
        Assert.Equal(by, result.Median[1], 0.005);
        Assert.Equal(Objective(points, weights, result.Median[0], result.Median[1]), result.Objective, 1e-4);
    }

    [Fact]
    public void Compute_DefaultSettings_ObjectiveNoLargerThanAtEveryInputAndAtMean()
    {
        var points = AggregationTestData.Random(9, 3000, seed: 8);
        var weights = Enumerable.Range(1, 9).Select(i => (double)i).ToArray();
        var result = GeometricMedian.Compute(points, weights, 1e-6, 100, 1e-5);
        double total = weights.Sum();
        double At(float[] z) => points.Select((p, i) => weights[i] / total * VectorNorms.Distance(p, z)).Sum();
        var mean = new float[3000];
        WeightedMean.Compute(points, weights, mean);
        double tolerance = 1e-5 * result.Objective;
        Assert.True(result.Objective <= At(mean) + tolerance);
        Assert.All(points, p => Assert.True(result.Objective <= At(p) + tolerance));
        Assert.Equal(At(result.Median), result.Objective, tolerance);
    }

    [Fact]
    public void Compute_OneDimension_IsTheWeightedMedian()
    {
        // Equal weights over 0, 1, 5: the median is 1. FedML's set of weights kept one weight for the three points.
        var points = new[] { 0f, 1f, 5f }.Select(v => new[] { v }).ToArray();
        var result = GeometricMedian.Compute(points, new[] { 10.0, 10.0, 10.0 }, 1e-9, 1000, 1e-12);
        Assert.Equal(1.0, result.Median[0], 1e-3);
    }

    [Fact]
    public void Compute_UnequalWeights_FollowsTheHeavierPoint()
    {
        // Two points: the weighted geometric median is the heavier one.
        var points = new[] { new[] { 0f, 0f }, new[] { 1f, 0f } };
        var result = GeometricMedian.Compute(points, new[] { 3.0, 1.0 }, 1e-9, 1000, 1e-12);
        Assert.Equal(0.0, result.Median[0], 1e-3);
    }

    [Fact]
    public void Compute_MinorityOfHugeAttackers_StaysNearHonestMean()
    {
        int n = 10, f = 4, d = 200;
        var points = AggregationTestData.WithHugeAttackers(n, f, d, seed: 3);
        var result = GeometricMedian.Compute(points, Enumerable.Repeat(1.0, n).ToArray(), 1e-6, 100, 1e-5);
        var honest = points.Skip(f).ToArray();
        var honestMean = new float[d];
        WeightedMean.Compute(honest, Enumerable.Repeat(1.0, n - f).ToArray(), honestMean);
        double spread = honest.Max(p => VectorNorms.Distance(p, honestMean));
        Assert.True(VectorNorms.Distance(result.Median, honestMean) <= spread, "The median left the honest cluster.");
    }

    [Fact]
    public void Compute_TwoOfFiveAt1e17_IsTheHandComputedMedian()
    {
        // Honest points (-1, 0), (0, 0), (1, 0) and two at (0, 10¹⁷), equal weights. On the axis x = 0 the median
        // (0, y) balances unit vectors: 2 up from the far pair, 1 + 2y/√(1 + y²) down from the honest three, so
        // y = 1/√3. From the weighted mean, 4·10¹⁶ up, Weiszfeld keeps about 2/3 of the distance a step and 100 steps
        // leave it near 10⁰ to 10¹ above; the coordinate-wise median (0, 0) starts it at the honest points.
        const float far = 1e17f;
        var points = new[] { new[] { -1f, 0f }, new[] { 0f, 0f }, new[] { 1f, 0f }, new[] { 0f, far }, new[] { 0f, far } };

        var usual = GeometricMedian.Compute(points, [1, 1, 1, 1, 1], 1e-6, 100, 1e-5);
        var tight = GeometricMedian.Compute(points, [1, 1, 1, 1, 1], 1e-9, 2000, 1e-12);

        // RFA's defaults stop once the gradient is below √ftol ≈ 0.003: within 0.01 here.
        Assert.Equal(0.0, usual.Median[0], 1e-4);
        Assert.Equal(1 / Math.Sqrt(3), usual.Median[1], 1e-2);
        Assert.Equal(0.0, tight.Median[0], 1e-5);
        Assert.Equal(1 / Math.Sqrt(3), tight.Median[1], 1e-4);
    }

    [Fact]
    public void Compute_WithoutOutliers_StartsAtTheMeanAndFindsTheSameMedianAsFromTheCoordinateMedian()
    {
        // The start changes the path, not the limit: to the tolerance, the median is the brute-force minimiser's.
        var points = AggregationTestData.Random(7, 50, seed: 11);
        var weights = Enumerable.Repeat(1.0, 7).ToArray();
        var tight = GeometricMedian.Compute(points, weights, 1e-9, 5000, 1e-14);
        var usual = GeometricMedian.Compute(points, weights, 1e-6, 100, 1e-5);
        Assert.True(VectorNorms.Distance(tight.Median, usual.Median) <= 1e-2 * VectorNorms.L2(tight.Median) + 1e-3);
    }

    [Fact]
    public void Compute_PermutedInputs_SameMedian()
    {
        var points = AggregationTestData.Random(8, 500, seed: 5);
        var weights = Enumerable.Repeat(1.0, 8).ToArray();
        var a = GeometricMedian.Compute(points, weights, 1e-6, 500, 1e-10);
        var b = GeometricMedian.Compute(AggregationTestData.Permuted(points, 2), weights, 1e-6, 500, 1e-10);
        Assert.True(VectorNorms.Distance(a.Median, b.Median) <= 1e-4 * VectorNorms.L2(a.Median));
    }

    [Fact]
    public void Compute_Weights_AreNormalisedAndLargestForTheNearest()
    {
        var points = new[] { new[] { 0f }, new[] { 1f }, new[] { 100f } };
        var result = GeometricMedian.Compute(points, new[] { 1.0, 1.0, 1.0 }, 1e-6, 100, 1e-8);
        Assert.Equal(1.0, result.Weights.Sum(), 1e-12);
        Assert.True(result.Weights[2] < result.Weights[0]);
    }

    [Fact]
    public void Compute_ZeroWeights_Throws()
    {
        Assert.Throws<ArgumentException>(() => GeometricMedian.Compute(new[] { new[] { 1f } }, new[] { 0.0 }, 1e-6, 10, 1e-5));
    }

    private static double Objective(float[][] points, double[] weights, double x, double y)
    {
        double f = 0, total = weights.Sum();
        for (int i = 0; i < points.Length; i++)
        {
            f += weights[i] / total * Math.Sqrt(Math.Pow(points[i][0] - x, 2) + Math.Pow(points[i][1] - y, 2));
        }

        return f;
    }
}
