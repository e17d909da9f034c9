namespace FedSec.Reporting.Plots;

/// <summary>
/// Width estimates for laying out text without measuring it (an SVG's fonts are the viewer's): DejaVu Sans averages
/// about 0.6 em per character.
/// </summary>
internal static class TextFit
{
    public static double Width(string text, double size) => text.Length * size * 0.6;

    /// <summary>
    /// The text on one line if it fits <paramref name="width"/>, else on two, broken after the '_', ' ' or '-' nearest
    /// its middle (each line then cut with an ellipsis if it still does not fit).
    /// </summary>
    public static IReadOnlyList<string> TwoLines(string text, double size, double width)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Width(text, size) <= width)
        {
            return new[] { text };
        }

        int best = -1;
        for (int i = 1; i < text.Length - 1; i++)
        {
            if (text[i] is '_' or ' ' or '-' && (best < 0 || Math.Abs(i - (text.Length / 2)) < Math.Abs(best - (text.Length / 2))))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            return new[] { Clip(text, size, width) };
        }

        // A space is dropped at the break; '_' and '-' stay at the end of the first line.
        string first = text[..(text[best] == ' ' ? best : best + 1)];
        string second = text[(best + 1)..];
        return new[] { Clip(first, size, width), Clip(second, size, width) };
    }

    /// <summary>The text, cut with an ellipsis to fit <paramref name="width"/>.</summary>
    public static string Clip(string text, double size, double width)
    {
        int max = (int)Math.Floor(width / (size * 0.6));
        return text.Length <= max ? text : max <= 1 ? "…" : text[..(max - 1)] + "…";
    }
}
