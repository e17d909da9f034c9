using SkiaSharp;

namespace FedSec.Reporting.Plots;

/// <summary>Renders a figure to SVG text and to PNG bytes.</summary>
internal static class FigureRenderer
{
    public static string Svg(IFigure figure)
    {
        var canvas = new SvgCanvas();
        figure.Draw(canvas);
        return canvas.Document(figure.Width, figure.Height);
    }

    /// <summary>A PNG of <c>Width·scale</c> × <c>Height·scale</c> pixels on a white background.</summary>
    public static byte[] Png(IFigure figure, int scale)
    {
        var info = new SKImageInfo(figure.Width * scale, figure.Height * scale, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException($"SkiaSharp could not create a {info.Width} × {info.Height} surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        figure.Draw(new SkiaCanvas(canvas));
        canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
