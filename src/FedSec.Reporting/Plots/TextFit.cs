namespace FedSec.Reporting.Plots;

/// <summary>
/// Width estimates for laying out text without measuring it (an SVG's fonts are the viewer's): DejaVu Sans averages
/// about 0.6 em per character.
/// </summary>
internal static class TextFit
{
    public static double Width(string text, double size) => text.Length * size * 0.6;

    /// <summary>The text, cut with an ellipsis to fit <paramref name="width"/>.</summary>
    public static string Clip(string text, double size, double width)
    {
        int max = (int)Math.Floor(width / (size * 0.6));
        return text.Length <= max ? text : max <= 1 ? "…" : text[..(max - 1)] + "…";
    }
}
