using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;

namespace FedSec.Reporting.Plots;

/// <summary>Renders a figure with ScottPlot to SVG text and to PNG bytes.</summary>
internal static partial class FigureRenderer
{
    /// <summary>
    /// The SVG, ready to stand alone or inline in HTML: no XML declaration, a viewBox so it scales, and the ids (Skia
    /// numbers its clip paths with a process-wide counter) renamed <c>{idPrefix}-{n}</c> in order of appearance, so the
    /// same figure gives the same bytes and two figures on one page never share an id.
    /// </summary>
    public static string Svg(IFigure figure, string idPrefix)
    {
        using var drawn = figure.Create();
        string svg = drawn.Plot.GetSvgXml(drawn.Width, drawn.Height);
        svg = XmlDeclaration().Replace(svg, string.Empty, 1);
        svg = svg.Replace(
            string.Create(CultureInfo.InvariantCulture, $"width=\"{drawn.Width}\" height=\"{drawn.Height}\">"),
            string.Create(CultureInfo.InvariantCulture, $"width=\"{drawn.Width}\" height=\"{drawn.Height}\" viewBox=\"0 0 {drawn.Width} {drawn.Height}\">"),
            StringComparison.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return IdReference().Replace(svg, m =>
        {
            string id = m.Groups[2].Value;
            if (!ids.TryGetValue(id, out string? renamed))
            {
                renamed = string.Create(CultureInfo.InvariantCulture, $"{idPrefix}-{ids.Count}");
                ids[id] = renamed;
            }

            return m.Groups[1].Value + renamed + m.Groups[3].Value;
        });
    }

    /// <summary>A PNG of <c>Width·scale</c> × <c>Height·scale</c> pixels: the SVG's layout, every length times <paramref name="scale"/>.</summary>
    public static byte[] Png(IFigure figure, int scale)
    {
        using var drawn = figure.Create();
        drawn.Plot.ScaleFactor = scale;
        using var image = drawn.Plot.GetImage(drawn.Width * scale, drawn.Height * scale);
        return image.GetImageBytes(ImageFormat.Png);
    }

    /// <summary>The data area of <paramref name="plot"/> laid out at <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static PixelRect DataArea(Plot plot, int width, int height)
    {
        plot.RenderInMemory(width, height);
        return plot.LastRender.DataRect;
    }

    /// <summary>
    /// The figure size at which ScottPlot's layout leaves a data area of <paramref name="dataWidth"/> ×
    /// <paramref name="dataHeight"/>: laid out once at a larger trial size, the title, axes and legend take what they
    /// take, and the rest is the data area. Exact when those do not depend on the figure's size (fixed ticks).
    /// </summary>
    public static (int Width, int Height) AroundDataArea(Plot plot, int dataWidth, int dataHeight)
    {
        int trialWidth = dataWidth + 1000, trialHeight = dataHeight + 1000;
        var area = DataArea(plot, trialWidth, trialHeight);
        return (trialWidth - (int)Math.Round(area.Width) + dataWidth, trialHeight - (int)Math.Round(area.Height) + dataHeight);
    }

    [GeneratedRegex(@"\A<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    // An id, or a reference to one.
    [GeneratedRegex(@"(\bid=""|url\(#|href=""#)([^"")]+)(""|\))")]
    private static partial Regex IdReference();
}
