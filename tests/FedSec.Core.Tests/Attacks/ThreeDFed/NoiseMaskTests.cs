using FedSec.Attacks.ThreeDFed;

namespace FedSec.Core.Tests.Attacks.ThreeDFed;

public class NoiseMaskTests
{
    [Fact]
    public void Loss_HandComputed_OneRowTwoMasks()
    {
        // b = [1, −1]; m0 = [0.5, 0], m1 = [−0.5, 0]; α = 0.5, λ = 1.
        // UPs: 0.1/(|1.5| + |−1|) = 0.04; norm: 0.08·0.5 = 0.04; sum of masks 0 → Lagrange term 0.
        // L0 = (0.5·0.04 + 0.5·0.04 + 0)/2 = 0.02.
        double[][] b = [[1, -1]];
        double[][][] masks = [[[0.5, 0]], [[-0.5, 0]]];
        Assert.Equal(0.02, NoiseMaskObjective.Loss(masks, 0, b, 0.5, 1), 12);
    }

    [Fact]
    public void Gradient_EqualsFiniteDifferencesOfTheLoss()
    {
        var rng = new Random(4);
        double[][] b = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 4).Select(_ => rng.NextDouble() - 0.5).ToArray()).ToArray();
        double[][][] masks = Enumerable.Range(0, 2).Select(_ => b.Select(row => row.Select(_ => 0.1 * (rng.NextDouble() - 0.5)).ToArray()).ToArray()).ToArray();
        var grad = NoiseMaskObjective.Gradient(masks, 1, b, 0.7, 2.5);
        const double h = 1e-6;
        for (int r = 0; r < b.Length; r++)
        {
            for (int k = 0; k < b[r].Length; k++)
            {
                double keep = masks[1][r][k];
                masks[1][r][k] = keep + h;
                double up = NoiseMaskObjective.Loss(masks, 1, b, 0.7, 2.5);
                masks[1][r][k] = keep - h;
                double down = NoiseMaskObjective.Loss(masks, 1, b, 0.7, 2.5);
                masks[1][r][k] = keep;
                Assert.Equal((up - down) / (2 * h), grad[r][k], 6);
            }
        }
    }

    [Fact]
    public void Design_MasksCancelInTheGroupAndEnlargeTheChosenRowsUpdates()
    {
        var rng = new Random(7);
        double[][] b = Enumerable.Range(0, 8).Select(_ => Enumerable.Range(0, 11).Select(_ => 0.01 * (rng.NextDouble() - 0.5)).ToArray()).ToArray();
        var masks = NoiseMaskDesign.Design(b, 2, alpha: 0.9, lagrangeStep: 0.1, weakDp: false, new Random(8));

        double maskNorm = masks.Average(NoiseMaskObjective.Norm);
        double sumNorm = NoiseMaskObjective.Norm(NoiseMaskObjective.Sum(masks));
        Assert.True(sumNorm < 0.2 * maskNorm, $"the group's masks must nearly cancel: |sum| {sumNorm} vs |mask| {maskNorm}");
        foreach (var m in masks)
        {
            for (int r = 0; r < b.Length; r++)
            {
                double with = b[r].Zip(m[r], (x, y) => Math.Abs(x + y)).Sum();
                Assert.True(with > b[r].Sum(Math.Abs), $"row {r}: the mask must enlarge the row's update (UPs)");
            }
        }
    }

    [Fact]
    public void Gradient_WeightedSum_EqualsFiniteDifferencesOfTheLoss()
    {
        var rng = new Random(5);
        double[] omega = [0.5, 1.5];
        double[][] b = Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, 3).Select(_ => rng.NextDouble() - 0.5).ToArray()).ToArray();
        double[][][] masks = Enumerable.Range(0, 2).Select(_ => b.Select(row => row.Select(_ => 0.1 * (rng.NextDouble() - 0.5)).ToArray()).ToArray()).ToArray();
        var grad = NoiseMaskObjective.Gradient(masks, 1, b, 0.3, 2, omega);
        const double h = 1e-6;
        for (int r = 0; r < b.Length; r++)
        {
            for (int k = 0; k < b[r].Length; k++)
            {
                double keep = masks[1][r][k];
                masks[1][r][k] = keep + h;
                double up = NoiseMaskObjective.Loss(masks, 1, b, 0.3, 2, omega);
                masks[1][r][k] = keep - h;
                double down = NoiseMaskObjective.Loss(masks, 1, b, 0.3, 2, omega);
                masks[1][r][k] = keep;
                Assert.Equal((up - down) / (2 * h), grad[r][k], 6);
            }
        }
    }

    [Fact]
    public void Design_ModelsOfDifferentSampleCounts_MasksCancelInTheWeightedSum()
    {
        // FedAvg weighs the two models 100 : 300; (100·m0 + 300·m1) / 400 must be zero, m0 + m1 need not.
        double[][] b = [[0.1, -0.2, 0.3, 0.02], [0.0, 0.05, -0.01, 0.2]];
        var masks = NoiseMaskDesign.Design(b, 2, 0.5, 0.1, false, new Random(9), weights: [100, 300]);
        for (int r = 0; r < b.Length; r++)
        {
            for (int k = 0; k < b[r].Length; k++)
            {
                Assert.Equal(0, (100 * masks[0][r][k]) + (300 * masks[1][r][k]), 10);
            }
        }

        Assert.True(NoiseMaskObjective.Norm(NoiseMaskObjective.Sum(masks)) > 1e-3);
    }

    [Fact]
    public void Design_EqualWeights_TheAuthorsUnweightedMasksBitForBit()
    {
        double[][] b = [[0.1, -0.2, 0.3], [0.0, 0.05, -0.01]];
        var plain = NoiseMaskDesign.Design(b, 2, 0.5, 0.1, false, new Random(9));
        var equal = NoiseMaskDesign.Design(b, 2, 0.5, 0.1, false, new Random(9), weights: [40, 40]);
        Assert.Equal(plain.SelectMany(m => m.SelectMany(r => r)), equal.SelectMany(m => m.SelectMany(r => r)));
    }

    [Fact]
    public void Design_AModelOfNoSamples_KeepsTheAuthorsUnweightedMasks()
    {
        double[][] b = [[0.1, -0.2, 0.3], [0.0, 0.05, -0.01]];
        var plain = NoiseMaskDesign.Design(b, 2, 0.5, 0.1, false, new Random(9));
        var withEmpty = NoiseMaskDesign.Design(b, 2, 0.5, 0.1, false, new Random(9), weights: [0, 40]);
        Assert.Equal(plain.SelectMany(m => m.SelectMany(r => r)), withEmpty.SelectMany(m => m.SelectMany(r => r)));
    }

    [Fact]
    public void Design_WeightsOfTheWrongCount_Throws()
    {
        double[][] b = [[0.1, -0.2]];
        Assert.Throws<ArgumentException>(() => NoiseMaskDesign.Design(b, 2, 0.5, 0.1, false, new Random(9), weights: [40, 40, 40]));
    }

    [Fact]
    public void Design_SameSeed_SameMasks()
    {
        double[][] b = [[0.1, -0.2, 0.3], [0.0, 0.05, -0.01]];
        var first = NoiseMaskDesign.Design(b, 2, 0.5, 0.1, false, new Random(9));
        var second = NoiseMaskDesign.Design(b, 2, 0.5, 0.1, false, new Random(9));
        Assert.Equal(first.SelectMany(m => m.SelectMany(r => r)), second.SelectMany(m => m.SelectMany(r => r)));
    }
}
