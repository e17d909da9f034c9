using System.Globalization;

namespace FedSec.Reporting.Plots;

/// <summary>An sRGB colour with opacity.</summary>
/// <param name="R">Red, 0-255.</param>
/// <param name="G">Green, 0-255.</param>
/// <param name="B">Blue, 0-255.</param>
/// <param name="Alpha">Opacity in [0, 1].</param>
internal readonly record struct PlotColor(byte R, byte G, byte B, double Alpha = 1)
{
    public static PlotColor Black { get; } = new(0, 0, 0);

    public static PlotColor White { get; } = new(255, 255, 255);

    public static PlotColor Grid { get; } = new(225, 225, 225);

    public static PlotColor Text { get; } = new(34, 34, 34);

    /// <summary><c>#rrggbb</c>, without the opacity.</summary>
    public string Hex => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");

    public PlotColor WithAlpha(double alpha) => this with { Alpha = alpha };

    /// <summary>Relative luminance (WCAG), to choose black or white text over a fill.</summary>
    public double Luminance => (0.2126 * Linear(R)) + (0.7152 * Linear(G)) + (0.0722 * Linear(B));

    public static PlotColor Parse(string hex) => new(
        byte.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        byte.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        byte.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    public static PlotColor Lerp(PlotColor a, PlotColor b, double t) => new(
        (byte)Math.Round(a.R + ((b.R - a.R) * t)),
        (byte)Math.Round(a.G + ((b.G - a.G) * t)),
        (byte)Math.Round(a.B + ((b.B - a.B) * t)));

    private static double Linear(byte c)
    {
        double s = c / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }
}
