using FedSec.Reporting.Plots;

namespace FedSec.Reporting.Tests.Plots;

public sealed class HeatmapTests
{
    private static Heatmap Map() => new(
        "Final accuracy",
        "defense",
        "attack",
        ["none", "krum", "robust_learning_rate"],
        ["none", "label_flipping_3to9", "worst case"],
        new HeatmapCell[,]
        {
            { new(0.9, "90.00"), new(0.5, "50.00 †"), new(0.5, "50.00 †") },
            { new(0.8, "80.00"), new(null, "–"), new(0.8, "80.00") },
            { new(0.7, "70.00"), new(0.6, "60.00"), new(0.6, "60.00") },
        },
        separated: 1);

    [Fact]
    public void Create_ThreeByThree_EachCellHasTheCellSizePlusTheGap()
    {
        using var drawn = Map().Create();

        var area = FigureRenderer.DataArea(drawn.Plot, drawn.Width, drawn.Height);
        Assert.Equal((3 * Heatmap.CellWidth) + 10, area.Width, 1.0);
        Assert.Equal(3 * Heatmap.CellHeight, area.Height, 1.0);
    }

    [Fact]
    public void Svg_ThreeByThree_PrintsEveryCellAndWrapsTheLongColumnName()
    {
        var texts = SvgText.Texts(FigureRenderer.Svg(Map(), "h"));

        Assert.Equal(2, texts.Count(t => t == "50.00 †"));
        Assert.Contains("–", texts);
        Assert.Contains("robust_learning_rate", texts);
        Assert.Contains("label_", texts);
        Assert.Contains("flipping_3to9", texts);
        Assert.Contains("Final accuracy", texts);
    }

    [Fact]
    public void Ctor_CellsDoNotMatchLabels_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Heatmap("h", "r", "c", ["a"], ["x", "y"], new HeatmapCell[1, 1], 0));
    }
}
