namespace FedSec.Reporting.Plots;

/// <summary>
/// The few drawing operations the figures use, in canvas units (x right, y down, text at its baseline), so one
/// figure's code draws both its SVG and its PNG.
/// </summary>
internal interface IPlotCanvas
{
    void Rectangle(double x, double y, double width, double height, PlotColor fill, PlotColor? stroke = null, double strokeWidth = 1);

    void Line(double x1, double y1, double x2, double y2, PlotColor color, double width, bool dashed = false);

    void Polyline(IReadOnlyList<PlotPoint> points, PlotColor color, double width, bool dashed = false);

    void Polygon(IReadOnlyList<PlotPoint> points, PlotColor fill);

    void Text(double x, double y, string text, double size, PlotColor color, TextAnchor anchor = TextAnchor.Start, bool bold = false, double rotation = 0);

    /// <summary>A PNG image stretched over the rectangle, pixels kept sharp.</summary>
    void Image(double x, double y, double width, double height, byte[] png);
}
