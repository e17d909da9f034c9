using ScottPlot;

namespace FedSec.Reporting.Plots;

/// <summary>
/// Originals next to their reconstructions, one pair per row with its caption at the left, each image scaled (pixels
/// kept sharp) to <see cref="Tile"/> units. ScottPlot has no such figure; its plot serves as a canvas in figure units
/// (axis limits = figure size, y down), so the grid still comes out as the same PNG and SVG as the charts, with no
/// drawing code of its own.
/// </summary>
internal sealed class ImagePairGrid : IFigure
{
    public const int Tile = 112;
    public const int Top = 70;
    public const int Margin = 16;
    private const float CaptionLine = 18;
    private const int MinCaptionWidth = 160;

    private readonly string _title;
    private readonly IReadOnlyList<ImagePair> _pairs;

    public ImagePairGrid(string title, IReadOnlyList<ImagePair> pairs)
    {
        if (pairs.Count == 0)
        {
            throw new ArgumentException($"Figure '{title}' has no images.", nameof(pairs));
        }

        _title = title;
        _pairs = pairs;
        using var paint = Paint.NewDisposablePaint();
        var style = new LabelStyle { FontName = FigureStyle.FontName, FontSize = FigureStyle.FontSize };
        CaptionWidth = Math.Max(MinCaptionWidth, (int)Math.Ceiling(pairs.SelectMany(p => p.Caption.Split('\n')).Max(l => style.Measure(l, paint).Width)));
    }

    /// <summary>The width of the caption column: the widest caption line, at least <see cref="MinCaptionWidth"/>.</summary>
    public int CaptionWidth { get; }

    /// <summary>The left edge of the originals' column.</summary>
    public int OriginalX => (2 * Margin) + CaptionWidth;

    /// <summary>The left edge of the reconstructions' column.</summary>
    public int ReconstructedX => OriginalX + Tile + Margin;

    public int Width => ReconstructedX + Tile + Margin;

    public int Height => RowTop(_pairs.Count);

    /// <summary>The top edge of row <paramref name="row"/>'s images.</summary>
    public static int RowTop(int row) => Top + (row * (Tile + Margin));

    public FigurePlot Create()
    {
        var plot = FigureStyle.NewPlot(string.Empty);
        plot.Layout.Frameless();
        plot.HideGrid();
        plot.Axes.SetLimits(0, Width, Height, 0);
        Text(plot, _title, Width / 2.0, 26, Alignment.LowerCenter, FigureStyle.TitleSize, bold: true);
        Text(plot, "original", OriginalX + (Tile / 2.0), Top - 10, Alignment.LowerCenter, FigureStyle.FontSize, bold: true);
        Text(plot, "reconstructed", ReconstructedX + (Tile / 2.0), Top - 10, Alignment.LowerCenter, FigureStyle.FontSize, bold: true);
        for (int i = 0; i < _pairs.Count; i++)
        {
            int y = RowTop(i);
            var lines = _pairs[i].Caption.Split('\n');
            for (int l = 0; l < lines.Length; l++)
            {
                Text(plot, lines[l], Margin, y + 20 + (l * CaptionLine), Alignment.LowerLeft, FigureStyle.FontSize, bold: false);
            }

            Picture(plot, _pairs[i].Original, OriginalX, y);
            Picture(plot, _pairs[i].Reconstructed, ReconstructedX, y);
        }

        return new FigurePlot(plot, Width, Height);
    }

    private static void Text(Plot plot, string text, double x, double y, Alignment alignment, float size, bool bold)
    {
        var t = plot.Add.Text(text, x, y);
        t.Alignment = alignment;
        t.LabelFontSize = size;
        t.LabelFontName = FigureStyle.FontName;
        t.LabelFontColor = FigureStyle.Text;
        t.LabelBold = bold;
    }

    // Enlarged here, nearest neighbour, to twice the tile: an SVG viewer then has no small image to blur.
    private static void Picture(Plot plot, byte[] png, double x, double y)
    {
        using var source = new Image(png);
        var image = source.Scaled(Math.Ceiling(2.0 * Tile / Math.Max(source.Width, source.Height)), antiAlias: false);
        var rect = plot.Add.ImageRect(image, new CoordinateRect(x, x + Tile, y + Tile, y));
        rect.AntiAlias = false;
        var frame = plot.Add.Rectangle(x, x + Tile, y + Tile, y);
        frame.FillColor = Colors.Transparent;
        frame.LineColor = FigureStyle.Grid;
        frame.LineWidth = 1;
    }
}
