using ScottPlot;

namespace FedSec.Reporting.Plots;

/// <summary>
/// A table of coloured cells with the value printed in each, coloured on the sequential map from the lowest to the
/// highest value shown (so small differences between high accuracies stay visible); the last <c>separated</c> columns
/// (e.g. the worst case over attacks) stand apart after a gap. Drawn by ScottPlot: the cells are rectangles (not its
/// Heatmap plottable, a bitmap that an SVG would carry as a blurred image and that cannot leave a gap), the row and
/// column names its axes' tick labels, so it measures them.
/// </summary>
internal sealed class Heatmap : IFigure
{
    /// <summary>A cell's size in SVG units.</summary>
    public const int CellWidth = 124;
    public const int CellHeight = 40;

    /// <summary>The margin below and right of the cells.</summary>
    public const int Margin = 16;

    /// <summary>The gap before the separated columns, in cell widths.</summary>
    private const double Gap = 10.0 / CellWidth;

    private static readonly Color Missing = Color.FromHex("#ebebeb");

    private readonly string _title;
    private readonly string _rowAxis;
    private readonly string _columnAxis;
    private readonly IReadOnlyList<string> _rows;
    private readonly IReadOnlyList<string> _columns;
    private readonly HeatmapCell[,] _cells;
    private readonly int _separated;
    private readonly double _low;
    private readonly double _high;

    public Heatmap(string title, string rowAxis, string columnAxis, IReadOnlyList<string> rows, IReadOnlyList<string> columns, HeatmapCell[,] cells, int separated)
    {
        if (cells.GetLength(0) != rows.Count || cells.GetLength(1) != columns.Count || rows.Count == 0 || columns.Count == 0)
        {
            throw new ArgumentException($"Heatmap '{title}' has {rows.Count} × {columns.Count} labels but {cells.GetLength(0)} × {cells.GetLength(1)} cells.", nameof(cells));
        }

        _title = title;
        _rowAxis = rowAxis;
        _columnAxis = columnAxis;
        _rows = rows;
        _columns = columns;
        _cells = cells;
        _separated = separated;
        var values = cells.Cast<HeatmapCell>().Select(c => c.Value).OfType<double>().ToArray();
        _low = values.Length == 0 ? 0 : values.Min();
        _high = values.Length == 0 ? 1 : values.Max();
    }

    public FigurePlot Create()
    {
        var plot = FigureStyle.NewPlot(_title);
        plot.Grid.IsVisible = false;
        plot.Axes.Frame(false);
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Right })
        {
            // Empty, as a margin below and right of the cells.
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
            axis.MajorTickStyle.Length = 0;
            axis.MinimumSize = Margin;
        }

        FigureStyle.Axis(plot.Axes.Left, _rowAxis);
        FigureStyle.Axis(plot.Axes.Top, _columnAxis);
        plot.Axes.Top.Label.Bold = true;
        plot.Axes.Left.Label.Bold = true;
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Top })
        {
            axis.TickLabelStyle.FontSize = FigureStyle.FontSize;
            axis.MajorTickStyle.Length = 0;
        }

        plot.Axes.Top.TickLabelStyle.Bold = true;

        // ScottPlot 5.1.59 draws a top axis's label with its bottom at the top of the axis panel, over the title; moved
        // down by its own height it sits in the panel, above the column names.
        using (var paint = Paint.NewDisposablePaint())
        {
            plot.Axes.Top.Label.OffsetY = plot.Axes.Top.Label.Measure(paint).Height;
        }

        var measure = new LabelStyle { FontName = FigureStyle.FontName, FontSize = FigureStyle.FontSize, Bold = true };
        plot.Axes.Top.SetTicks(Enumerable.Range(0, _columns.Count).Select(c => Left(c) + 0.5).ToArray(), _columns.Select(c => LabelWrap.TwoLines(c, measure, CellWidth - 6)).ToArray());
        plot.Axes.Left.SetTicks(Enumerable.Range(0, _rows.Count).Select(r => -r - 0.5).ToArray(), _rows.ToArray());

        for (int r = 0; r < _rows.Count; r++)
        {
            for (int c = 0; c < _columns.Count; c++)
            {
                Cell(plot, _cells[r, c], Left(c), -r);
            }
        }

        double right = Left(_columns.Count - 1) + 1;
        plot.Axes.SetLimits(0, right, -_rows.Count, 0);
        plot.Axes.SetLimitsX(0, right, plot.Axes.Top);

        // Each cell CellWidth × CellHeight units, whatever the labels take.
        var (width, height) = FigureRenderer.AroundDataArea(plot, (int)Math.Round(right * CellWidth), _rows.Count * CellHeight);
        return new FigurePlot(plot, width, height);
    }

    private double Left(int column) => column + (column >= _columns.Count - _separated ? Gap : 0);

    private void Cell(Plot plot, HeatmapCell cell, double left, double top)
    {
        var fill = cell.Value is { } v ? Palette.Map(_high > _low ? (v - _low) / (_high - _low) : 0.5) : Missing;
        var rect = plot.Add.Rectangle(left, left + 1, top - 1, top);
        rect.FillColor = fill;
        rect.LineColor = Colors.White;
        rect.LineWidth = 1;
        var text = plot.Add.Text(cell.Text, left + 0.5, top - 0.5);
        text.Alignment = Alignment.MiddleCenter;
        text.LabelFontSize = FigureStyle.FontSize;
        text.LabelFontName = FigureStyle.FontName;
        text.LabelFontColor = Luminance(fill) > 0.35 ? FigureStyle.Text : Colors.White;
    }

    /// <summary>Relative luminance (WCAG), to choose dark or white text over a fill.</summary>
    private static double Luminance(Color c)
    {
        static double Linear(byte v)
        {
            double s = v / 255.0;
            return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Linear(c.R)) + (0.7152 * Linear(c.G)) + (0.0722 * Linear(c.B));
    }
}
