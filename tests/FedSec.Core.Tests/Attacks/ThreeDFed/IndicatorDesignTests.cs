using FedSec.Attacks.ThreeDFed;

namespace FedSec.Core.Tests.Attacks.ThreeDFed;

public class IndicatorDesignTests
{
    private static readonly float[] Global = [1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f];

    [Fact]
    public void Choose_HandComputed_SmallestLargestModelUpdatePlusBenignMagnitudesInTheLayer()
    {
        // Layer = positions 2..6. Updates of the two models: a = [0.5, -0.05, 0.2, 0.1, 0.9], b = [0.1, 0.05, 0, -0.1, 0].
        // max(|a|, |b|) + |benign| there: 0.5, 0.1, 0.3, 0.1, 0.9 → 3 and 5 (tie by position), then 4.
        float[][] models =
        [
            Shifted([0f, 0f, 0.5f, -0.05f, 0.2f, 0.1f, 0.9f, 0f]),
            Shifted([0f, 0f, 0.1f, 0.05f, 0f, -0.1f, 0f, 0f]),
        ];
        float[] benign = [0f, 0f, 0f, 0.05f, -0.1f, 0f, 0f, 0f];
        Assert.Equal([3, 5, 4], IndicatorDesign.Choose(models, Global, benign, offset: 2, length: 5, count: 3));
    }

    [Fact]
    public void Choose_TwoUpdatesThatCancel_IsNotQuiet()
    {
        // Position 0: the models move by +0.7 and -0.7 (mean 0, planted as ±70 000 times their update); position 1:
        // both by 0.01. The indicator goes where every model is quiet.
        float[][] models = [Shifted([0.7f, 0.01f]), Shifted([-0.7f, 0.01f])];
        Assert.Equal([1], IndicatorDesign.Choose(models, Global.AsSpan(0, 2), new float[2], offset: 0, length: 2, count: 1));
    }

    [Fact]
    public void Choose_WithCurvature_KeepsTheFlattestOfTheQuietestCandidates()
    {
        // Layer = positions 0..5, quietness (max |update| + |benign|) 0.1, 0.2, 0.3, 0.4, 0.5, 0.6. Two indicators with 2
        // candidates each: the 4 quietest are 0-3; their |curvature| 5, 0, 3, 0 keeps 1 and 3 (tie at 0 broken by the
        // quieter, 1). Position 4 has curvature 0 but is not a candidate; 5 neither.
        float[][] models = [Shifted([0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f])];
        float[] curvature = [5f, 0f, -3f, 0f, 0f, 0f];
        var global = Global.AsSpan(0, 6);

        Assert.Equal([1, 3], IndicatorDesign.Choose(models, global, new float[6], 0, 6, count: 2, candidates: 2, curvature));
        // With 3 indicators and 1 candidate each, the candidates are 0-2: |curvature| 5, 0, 3 orders them 1, 2, 0.
        Assert.Equal([1, 2, 0], IndicatorDesign.Choose(models, global, new float[6], 0, 6, count: 3, candidates: 1, curvature));
    }

    [Fact]
    public void Choose_WithoutCurvature_TheQuietestWhateverTheCandidates()
    {
        float[][] models = [Shifted([0.3f, 0.1f, 0.2f])];
        Assert.Equal([1, 2], IndicatorDesign.Choose(models, Global.AsSpan(0, 3), new float[3], 0, 3, count: 2, candidates: 512));
    }

    [Fact]
    public void Choose_CurvatureOfAnotherLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => IndicatorDesign.Choose([new float[4]], new float[4], new float[4], 0, 4, 1, 2, new float[3]));
    }

    [Fact]
    public void Choose_MoreIndicatorsThanCoordinates_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => IndicatorDesign.Choose([new float[4]], new float[4], new float[4], 0, 2, 3));
    }

    [Theory]
    [InlineData(0f, 1e-2f)]
    [InlineData(2e-7f, 2e-2f)]
    [InlineData(-3e-8f, -3e-3f)]
    public void Plant_TimesTenToTheFifth_ZeroGetsAHundredth(float update, float expected)
    {
        Assert.Equal(expected, IndicatorDesign.Plant(update), 1e-9f);
    }

    private static float[] Shifted(float[] update) => update.Select(u => 1f + u).ToArray();
}
