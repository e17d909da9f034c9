using System.Text.RegularExpressions;
using FedSec.Reporting.Plots;

namespace FedSec.Reporting.Tests.Plots;

public sealed class FigureRendererTests
{
    private static LineChart Chart() => new("T", "x", "y", [new LineSeries("a", Palette.Series(0), [new SeriesPoint(1, 0.2, 0.1), new SeriesPoint(2, 0.4, 0.1)])], (0, 1));

    [Fact]
    public void Svg_RenderedTwice_SameTextWithIdsUnderThePrefix()
    {
        string first = FigureRenderer.Svg(Chart(), "fig");
        string second = FigureRenderer.Svg(Chart(), "fig");

        Assert.Equal(first, second);
        var ids = Regex.Matches(first, @"\bid=""([^""]+)""").Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.StartsWith("fig-", id, StringComparison.Ordinal));
        Assert.All(Regex.Matches(first, @"url\(#([^)]+)\)").Select(m => m.Groups[1].Value), r => Assert.Contains(r, ids));
    }

    [Fact]
    public void Svg_Any_HasAViewBoxAndNoXmlDeclaration()
    {
        string svg = FigureRenderer.Svg(Chart(), "fig");

        Assert.StartsWith("<svg ", svg, StringComparison.Ordinal);
        Assert.Equal("0 0 800 480", SvgText.Parse(svg).Attribute("viewBox")?.Value);
    }

    [Fact]
    public void Png_ScaleTwo_TwiceTheSvgSize()
    {
        using var tmp = new TempDirectory();
        File.WriteAllBytes(tmp.File("c.png"), FigureRenderer.Png(Chart(), 2));

        Assert.Equal((1600, 960), PngHeader.Size(tmp.File("c.png")));
    }
}
