using ScottPlot;

namespace FedSec.Reporting.Plots;

/// <summary>
/// Breaks a long label onto two lines. Hand-made because ScottPlot draws multi-line labels but does not break them;
/// widths are measured with ScottPlot in the label's own font.
/// </summary>
internal static class LabelWrap
{
    /// <summary>
    /// The text on one line if it fits <paramref name="width"/>, else on two, broken after the '_', ' ' or '-' nearest
    /// its middle (a space is dropped at the break). A text with no such character stays on one line.
    /// </summary>
    public static string TwoLines(string text, LabelStyle style, double width)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var paint = Paint.NewDisposablePaint();
        if (style.Measure(text, paint).Width <= width)
        {
            return text;
        }

        int best = -1;
        for (int i = 1; i < text.Length - 1; i++)
        {
            if (text[i] is '_' or ' ' or '-' && (best < 0 || Math.Abs(i - (text.Length / 2)) < Math.Abs(best - (text.Length / 2))))
            {
                best = i;
            }
        }

        return best < 0 ? text : text[..(text[best] == ' ' ? best : best + 1)] + "\n" + text[(best + 1)..];
    }
}
