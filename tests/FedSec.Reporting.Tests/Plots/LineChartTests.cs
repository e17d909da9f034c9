using FedSec.Reporting.Plots;

namespace FedSec.Reporting.Tests.Plots;

public sealed class LineChartTests
{
    private static LineChart Chart(int seriesCount) => new(
        "Accuracy",
        "Communication round",
        "Test accuracy",
        Enumerable.Range(0, seriesCount).Select(i => new LineSeries($"series_{i}", Palette.Series(i), [new SeriesPoint(1, 0.1 + (i * 0.01), 0.02), new SeriesPoint(2, 0.5, null), new SeriesPoint(3, 0.8, 0.05)])).ToArray(),
        (0, 1));

    [Fact]
    public void Create_FewSeries_HasTheChartSize()
    {
        using var drawn = Chart(3).Create();

        Assert.Equal((LineChart.ChartWidth, LineChart.ChartHeight), (drawn.Width, drawn.Height));
    }

    [Fact]
    public void Create_ManySeries_GrowsSoTheLegendFitsBesideTheData()
    {
        using var drawn = Chart(30).Create();

        Assert.True(drawn.Height > LineChart.ChartHeight, $"30 legend rows fit in {drawn.Height} units?");
        var area = FigureRenderer.DataArea(drawn.Plot, drawn.Width, drawn.Height);
        using var legend = drawn.Plot.Legend.GetImage();
        Assert.True(legend.Height <= area.Height, $"The legend ({legend.Height}) is taller than the data area ({area.Height}).");
    }

    [Fact]
    public void Svg_ManySeries_LegendNamesEverySeries()
    {
        var texts = SvgText.Texts(FigureRenderer.Svg(Chart(30), "c"));

        Assert.All(Enumerable.Range(0, 30), i => Assert.Contains($"series_{i}", texts));
        Assert.Contains("Communication round", texts);
        Assert.Contains("Test accuracy", texts);
    }

    [Fact]
    public void Ctor_NoPoints_ThrowsNamingTheFigure()
    {
        var e = Assert.Throws<ArgumentException>(() => new LineChart("Empty one", "x", "y", [new LineSeries("a", Palette.Series(0), [])], (0, 1)));

        Assert.Contains("Empty one", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoBounds_YAxisFollowsALossAboveOne_WithBounds_CutToThem()
    {
        LineSeries[] loss = [new LineSeries("loss", Palette.Series(0), [new SeriesPoint(1, 5.0, null), new SeriesPoint(2, 4.5, null), new SeriesPoint(3, 4.0, null)])];
        using var free = new LineChart("Loss", "Communication round", "Test loss", loss, null).Create();
        using var cut = new LineChart("Loss", "Communication round", "Test loss", loss, (0, 1)).Create();

        var limits = free.Plot.Axes.GetLimits();
        Assert.InRange(limits.Bottom, 3.85, 3.999);
        Assert.InRange(limits.Top, 5.001, 5.15);
        // Accuracy's [0, 1] bounds cannot show the losses 4 to 5 (why the loss figure has none).
        var bounded = cut.Plot.Axes.GetLimits();
        Assert.False(bounded.Bottom <= 4.0 && bounded.Top >= 5.0, $"[{bounded.Bottom}, {bounded.Top}]");
    }
}
