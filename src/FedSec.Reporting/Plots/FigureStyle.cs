using ScottPlot;

namespace FedSec.Reporting.Plots;

/// <summary>What every figure shares: DejaVu Sans (the font CI installs, so a PNG is the same on every machine), dark grey text, a bold title.</summary>
internal static class FigureStyle
{
    public const string FontName = "DejaVu Sans";
    public const float FontSize = 12;
    public const float TitleSize = 15;

    public static Color Text { get; } = Color.FromHex("#222222");

    public static Color Grid { get; } = Color.FromHex("#e1e1e1");

    /// <summary>A new white plot in the house font with <paramref name="title"/> over it.</summary>
    public static Plot NewPlot(string title)
    {
        // The font is named on each label rather than set with plot.Font.Set, which would fix every label, bold ones
        // too, to the regular typeface (and change ScottPlot's process-wide default).
        var plot = new Plot();
        plot.Title(title, TitleSize);
        plot.Axes.Title.Label.FontName = FontName;
        plot.Axes.Title.Label.ForeColor = Text;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.FrameColor(Text);
        return plot;
    }

    /// <summary>Sets an axis's label and tick label size and colour to the house style.</summary>
    public static void Axis(ScottPlot.IAxis axis, string label)
    {
        axis.Label.Text = label;
        axis.Label.FontName = FontName;
        axis.TickLabelStyle.FontName = FontName;
        axis.Label.FontSize = FontSize;
        axis.Label.Bold = false;
        axis.Label.ForeColor = Text;
        axis.TickLabelStyle.FontSize = FontSize - 1;
        axis.TickLabelStyle.ForeColor = Text;
        axis.MajorTickStyle.Color = Text;
        axis.MinorTickStyle.Length = 0;
    }
}
