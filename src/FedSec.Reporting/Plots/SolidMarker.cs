using ScottPlot;
using SkiaSharp;

namespace FedSec.Reporting.Plots;

/// <summary>
/// A ScottPlot marker drawn without the dash pattern of its curve. ScottPlot 5.1.59 draws a curve's markers with the
/// paint its dashed line left behind (filling a marker does not reset the path effect); the raster ignores that, but
/// Skia's SVG writer prints "Unsupported path effect in addPaint." to stderr for every such marker.
/// </summary>
internal sealed class SolidMarker(MarkerShape shape) : IMarker
{
    private readonly IMarker _marker = shape.GetMarker();

    public void Render(SKCanvas canvas, Paint paint, Pixel center, float size, MarkerStyle markerStyle)
    {
        paint.SKPathEffect = LinePattern.Solid.GetPathEffect();
        _marker.Render(canvas, paint, center, size, markerStyle);
    }
}
