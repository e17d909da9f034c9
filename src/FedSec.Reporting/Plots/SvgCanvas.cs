using System.Globalization;
using System.Security;
using System.Text;

namespace FedSec.Reporting.Plots;

/// <summary>Draws into an SVG document; numbers with two decimals, so the same figure gives the same bytes.</summary>
internal sealed class SvgCanvas : IPlotCanvas
{
    public const string FontFamily = "DejaVu Sans, Verdana, Arial, sans-serif";

    private readonly StringBuilder _body = new();

    public void Rectangle(double x, double y, double width, double height, PlotColor fill, PlotColor? stroke = null, double strokeWidth = 1)
    {
        _body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\"{Fill(fill)}");
        if (stroke is { } s)
        {
            _body.Append(CultureInfo.InvariantCulture, $"{Stroke(s, strokeWidth, false)}");
        }

        _body.Append("/>\n");
    }

    public void Line(double x1, double y1, double x2, double y2, PlotColor color, double width, bool dashed = false) =>
        _body.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"{Stroke(color, width, dashed)}/>\n");

    public void Polyline(IReadOnlyList<PlotPoint> points, PlotColor color, double width, bool dashed = false) =>
        _body.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{Points(points)}\" fill=\"none\"{Stroke(color, width, dashed)} stroke-linejoin=\"round\"/>\n");

    public void Polygon(IReadOnlyList<PlotPoint> points, PlotColor fill) =>
        _body.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{Points(points)}\"{Fill(fill)}/>\n");

    public void Text(double x, double y, string text, double size, PlotColor color, TextAnchor anchor = TextAnchor.Start, bool bold = false, double rotation = 0)
    {
        string a = anchor switch { TextAnchor.Middle => "middle", TextAnchor.End => "end", _ => "start" };
        _body.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" text-anchor=\"{a}\"{Fill(color)}");
        if (bold)
        {
            _body.Append(" font-weight=\"bold\"");
        }

        if (rotation != 0)
        {
            _body.Append(CultureInfo.InvariantCulture, $" transform=\"rotate({N(rotation)} {N(x)} {N(y)})\"");
        }

        _body.Append('>').Append(SecurityElement.Escape(text)).Append("</text>\n");
    }

    public void Image(double x, double y, double width, double height, byte[] png) =>
        _body.Append(CultureInfo.InvariantCulture, $"<image x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,{Convert.ToBase64String(png)}\"/>\n");

    /// <summary>The whole document, sized <paramref name="width"/> × <paramref name="height"/> units.</summary>
    public string Document(int width, int height) =>
        string.Create(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{FontFamily}\">\n") + _body + "</svg>\n";

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Points(IReadOnlyList<PlotPoint> points) => string.Join(" ", points.Select(p => N(p.X) + "," + N(p.Y)));

    private static string Fill(PlotColor c) => c.Alpha >= 1 ? $" fill=\"{c.Hex}\"" : $" fill=\"{c.Hex}\" fill-opacity=\"{N(c.Alpha)}\"";

    private static string Stroke(PlotColor c, double width, bool dashed) =>
        $" stroke=\"{c.Hex}\" stroke-width=\"{N(width)}\"" + (c.Alpha < 1 ? $" stroke-opacity=\"{N(c.Alpha)}\"" : string.Empty) + (dashed ? " stroke-dasharray=\"6,4\"" : string.Empty);
}
