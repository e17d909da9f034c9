namespace FedSec.Reporting.Plots;

/// <summary>
/// A table of coloured cells with the value printed in each, coloured on the sequential map from the lowest to the
/// highest value shown (so small differences between high accuracies stay visible); the last
/// <c>separated</c> columns (e.g. the worst case over attacks) stand apart after a gap.
/// </summary>
internal sealed class Heatmap : IFigure
{
    public const int CellWidth = 124;
    public const int CellHeight = 40;
    public const int Gap = 10;
    public const int Top = 84;
    public const int Margin = 16;
    private const double FontSize = 12;

    private readonly string _title;
    private readonly string _corner;
    private readonly IReadOnlyList<string> _rows;
    private readonly IReadOnlyList<string> _columns;
    private readonly HeatmapCell[,] _cells;
    private readonly int _separated;
    private readonly int _labelWidth;
    private readonly double _low;
    private readonly double _high;

    public Heatmap(string title, string corner, IReadOnlyList<string> rows, IReadOnlyList<string> columns, HeatmapCell[,] cells, int separated)
    {
        if (cells.GetLength(0) != rows.Count || cells.GetLength(1) != columns.Count || rows.Count == 0 || columns.Count == 0)
        {
            throw new ArgumentException($"Heatmap '{title}' has {rows.Count} × {columns.Count} labels but {cells.GetLength(0)} × {cells.GetLength(1)} cells.", nameof(cells));
        }

        _title = title;
        _corner = corner;
        _rows = rows;
        _columns = columns;
        _cells = cells;
        _separated = separated;
        _labelWidth = LabelWidth(rows.Append(corner).ToArray());
        var values = cells.Cast<HeatmapCell>().Select(c => c.Value).OfType<double>().ToArray();
        _low = values.Length == 0 ? 0 : values.Min();
        _high = values.Length == 0 ? 1 : values.Max();
    }

    public int Width => (2 * Margin) + _labelWidth + (_columns.Count * CellWidth) + (_separated > 0 ? Gap : 0);

    public int Height => Top + (_rows.Count * CellHeight) + Margin;

    /// <summary>The width of the row-label column: room for the longest label or the corner text (at 12 px), between 80 and 240.</summary>
    public static int LabelWidth(IReadOnlyList<string> rows) => (int)Math.Clamp(Math.Ceiling(rows.Max(r => TextFit.Width(r, FontSize)) + 16), 80, 240);

    public void Draw(IPlotCanvas canvas)
    {
        canvas.Rectangle(0, 0, Width, Height, PlotColor.White);
        canvas.Text(Width / 2.0, 26, _title, 15, PlotColor.Text, TextAnchor.Middle, bold: true);
        canvas.Text(Margin, Top - 12, TextFit.Clip(_corner, FontSize, _labelWidth - 4), FontSize, PlotColor.Text, bold: true);
        for (int c = 0; c < _columns.Count; c++)
        {
            // A long label (label_flipping_3to9) takes two lines, the second on the usual baseline.
            var lines = TextFit.TwoLines(_columns[c], FontSize, CellWidth - 6);
            for (int l = 0; l < lines.Count; l++)
            {
                canvas.Text(CellX(c) + (CellWidth / 2.0), Top - 12 - ((lines.Count - 1 - l) * 15), lines[l], FontSize, PlotColor.Text, TextAnchor.Middle, bold: true);
            }
        }

        for (int r = 0; r < _rows.Count; r++)
        {
            double y = Top + (r * CellHeight);
            canvas.Text(Margin + _labelWidth - 8, y + (CellHeight / 2.0) + 4, TextFit.Clip(_rows[r], FontSize, _labelWidth - 8), FontSize, PlotColor.Text, TextAnchor.End);
            for (int c = 0; c < _columns.Count; c++)
            {
                var cell = _cells[r, c];
                var fill = cell.Value is { } v ? Palette.Map(_high > _low ? (v - _low) / (_high - _low) : 0.5) : new PlotColor(235, 235, 235);
                canvas.Rectangle(CellX(c), y, CellWidth, CellHeight, fill, PlotColor.White, 1);
                var ink = fill.Luminance > 0.35 ? PlotColor.Text : PlotColor.White;
                canvas.Text(CellX(c) + (CellWidth / 2.0), y + (CellHeight / 2.0) + 4, TextFit.Clip(cell.Text, FontSize, CellWidth - 6), FontSize, ink, TextAnchor.Middle);
            }
        }
    }

    private double CellX(int column) => Margin + _labelWidth + (column * CellWidth) + (column >= _columns.Count - _separated ? Gap : 0);
}
