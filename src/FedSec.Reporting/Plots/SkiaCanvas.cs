using SkiaSharp;

namespace FedSec.Reporting.Plots;

/// <summary>Draws into a SkiaSharp raster surface at <c>scale</c> pixels per canvas unit; antialiased.</summary>
internal sealed class SkiaCanvas : IPlotCanvas
{
    private readonly SKCanvas _canvas;

    public SkiaCanvas(SKCanvas canvas)
    {
        _canvas = canvas;
    }

    public void Rectangle(double x, double y, double width, double height, PlotColor fill, PlotColor? stroke = null, double strokeWidth = 1)
    {
        var rect = SKRect.Create((float)x, (float)y, (float)width, (float)height);
        using (var paint = FillPaint(fill))
        {
            _canvas.DrawRect(rect, paint);
        }

        if (stroke is { } s)
        {
            using var paint = StrokePaint(s, strokeWidth, false);
            _canvas.DrawRect(rect, paint);
        }
    }

    public void Line(double x1, double y1, double x2, double y2, PlotColor color, double width, bool dashed = false)
    {
        using var paint = StrokePaint(color, width, dashed);
        _canvas.DrawLine((float)x1, (float)y1, (float)x2, (float)y2, paint);
    }

    public void Polyline(IReadOnlyList<PlotPoint> points, PlotColor color, double width, bool dashed = false)
    {
        using var path = Path(points, close: false);
        using var paint = StrokePaint(color, width, dashed);
        paint.StrokeJoin = SKStrokeJoin.Round;
        _canvas.DrawPath(path, paint);
    }

    public void Polygon(IReadOnlyList<PlotPoint> points, PlotColor fill)
    {
        using var path = Path(points, close: true);
        using var paint = FillPaint(fill);
        _canvas.DrawPath(path, paint);
    }

    public void Text(double x, double y, string text, double size, PlotColor color, TextAnchor anchor = TextAnchor.Start, bool bold = false, double rotation = 0)
    {
        using var typeface = SKTypeface.FromFamilyName("DejaVu Sans", bold ? SKFontStyle.Bold : SKFontStyle.Normal);
        using var paint = FillPaint(color);
        paint.Typeface = typeface;
        paint.TextSize = (float)size;
        paint.TextAlign = anchor switch { TextAnchor.Middle => SKTextAlign.Center, TextAnchor.End => SKTextAlign.Right, _ => SKTextAlign.Left };
        _canvas.Save();
        if (rotation != 0)
        {
            _canvas.RotateDegrees((float)rotation, (float)x, (float)y);
        }

        _canvas.DrawText(text, (float)x, (float)y, paint);
        _canvas.Restore();
    }

    public void Image(double x, double y, double width, double height, byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException("An image to draw is not a PNG SkiaSharp can decode.");
        using var paint = new SKPaint { FilterQuality = SKFilterQuality.None };
        _canvas.DrawBitmap(bitmap, SKRect.Create((float)x, (float)y, (float)width, (float)height), paint);
    }

    private static SKPaint FillPaint(PlotColor c) => new() { Color = ToSkia(c), Style = SKPaintStyle.Fill, IsAntialias = true };

    private static SKPaint StrokePaint(PlotColor c, double width, bool dashed) => new()
    {
        Color = ToSkia(c),
        Style = SKPaintStyle.Stroke,
        StrokeWidth = (float)width,
        IsAntialias = true,
        PathEffect = dashed ? SKPathEffect.CreateDash([6f, 4f], 0) : null,
    };

    private static SKColor ToSkia(PlotColor c) => new(c.R, c.G, c.B, (byte)Math.Round(Math.Clamp(c.Alpha, 0, 1) * 255));

    private static SKPath Path(IReadOnlyList<PlotPoint> points, bool close)
    {
        var path = new SKPath();
        for (int i = 0; i < points.Count; i++)
        {
            if (i == 0)
            {
                path.MoveTo((float)points[i].X, (float)points[i].Y);
            }
            else
            {
                path.LineTo((float)points[i].X, (float)points[i].Y);
            }
        }

        if (close)
        {
            path.Close();
        }

        return path;
    }
}
