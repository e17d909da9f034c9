namespace FedSec.Reporting.Plots;

/// <summary>
/// Curves over rounds with a shaded mean ± std band per curve and the legend at the right. The y range covers the
/// curves and bands, cut to <c>yBounds</c> (e.g. [0, 1] for accuracy).
/// </summary>
internal sealed class LineChart : IFigure
{
    public const int ChartWidth = 800;
    public const int ChartHeight = 480;
    private const double Left = 68, Top = 44, BottomMargin = 52, Right = 16, FontSize = 12, LegendRow = 20;

    private readonly string _title;
    private readonly string _xLabel;
    private readonly string _yLabel;
    private readonly IReadOnlyList<LineSeries> _series;
    private readonly (double Min, double Max) _bounds;

    /// <summary>The series drawn, in legend order.</summary>
    public IReadOnlyList<LineSeries> Series => _series;

    public LineChart(string title, string xLabel, string yLabel, IReadOnlyList<LineSeries> series, (double Min, double Max) yBounds)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0 || series.All(s => s.Points.Count == 0))
        {
            throw new ArgumentException($"Figure '{title}' has no data points.", nameof(series));
        }

        _title = title;
        _xLabel = xLabel;
        _yLabel = yLabel;
        _series = series;
        _bounds = yBounds;
    }

    public int Width => ChartWidth;

    public int Height => ChartHeight;

    public void Draw(IPlotCanvas canvas)
    {
        double legendWidth = Math.Clamp(_series.Max(s => TextFit.Width(s.Name, FontSize)) + 40, 110, 300);
        double x0 = Left, x1 = Width - Right - legendWidth - 12, y0 = Top, y1 = Height - BottomMargin;
        var points = _series.SelectMany(s => s.Points).ToArray();
        var (xMin, xMax) = XRange(points);
        var (yMin, yMax, yStep) = YRange(points);
        double X(double v) => x0 + ((v - xMin) / (xMax - xMin) * (x1 - x0));
        double Y(double v) => y1 - ((v - yMin) / (yMax - yMin) * (y1 - y0));

        canvas.Rectangle(0, 0, Width, Height, PlotColor.White);
        canvas.Text(Width / 2.0, 26, _title, 15, PlotColor.Text, TextAnchor.Middle, bold: true);
        foreach (double t in NiceTicks.Within(yMin, yMax, yStep))
        {
            canvas.Line(x0, Y(t), x1, Y(t), PlotColor.Grid, 1);
            canvas.Text(x0 - 6, Y(t) + 4, NiceTicks.Label(t, yStep), FontSize - 1, PlotColor.Text, TextAnchor.End);
        }

        double xStep = NiceTicks.Step(xMax - xMin, 10, integer: true);
        foreach (double t in NiceTicks.Within(xMin, xMax, xStep))
        {
            canvas.Line(X(t), y1, X(t), y1 + 4, PlotColor.Text, 1);
            canvas.Text(X(t), y1 + 17, NiceTicks.Label(t, xStep), FontSize - 1, PlotColor.Text, TextAnchor.Middle);
        }

        canvas.Rectangle(x0, y0, x1 - x0, y1 - y0, PlotColor.White.WithAlpha(0), PlotColor.Text, 1);
        canvas.Text((x0 + x1) / 2, Height - 12, _xLabel, FontSize, PlotColor.Text, TextAnchor.Middle);
        canvas.Text(18, (y0 + y1) / 2, _yLabel, FontSize, PlotColor.Text, TextAnchor.Middle, rotation: -90);

        foreach (var s in _series)
        {
            var banded = s.Points.Where(p => p.Std is not null).ToArray();
            if (banded.Length > 1)
            {
                var band = banded.Select(p => new PlotPoint(X(p.X), Y(Math.Min(yMax, p.Mean + p.Std!.Value))))
                    .Concat(banded.Reverse().Select(p => new PlotPoint(X(p.X), Y(Math.Max(yMin, p.Mean - p.Std!.Value)))))
                    .ToArray();
                canvas.Polygon(band, s.Color.WithAlpha(0.18));
            }
        }

        foreach (var s in _series)
        {
            var line = s.Points.Select(p => new PlotPoint(X(p.X), Y(p.Mean))).ToArray();
            if (line.Length > 1)
            {
                canvas.Polyline(line, s.Color, 2, s.Dashed);
            }

            if (line.Length <= 25)
            {
                foreach (var p in line)
                {
                    canvas.Rectangle(p.X - 2.5, p.Y - 2.5, 5, 5, s.Color);
                }
            }
        }

        double lx = x1 + 12, ly = y0 + 4;
        canvas.Rectangle(lx, ly, legendWidth, (_series.Count * LegendRow) + 10, PlotColor.White, PlotColor.Grid, 1);
        for (int i = 0; i < _series.Count; i++)
        {
            double row = ly + 15 + (i * LegendRow);
            canvas.Line(lx + 8, row - 4, lx + 30, row - 4, _series[i].Color, 2.5, _series[i].Dashed);
            canvas.Text(lx + 36, row, TextFit.Clip(_series[i].Name, FontSize, legendWidth - 40), FontSize, PlotColor.Text);
        }
    }

    private static (double Min, double Max) XRange(IReadOnlyList<SeriesPoint> points)
    {
        double min = points.Min(p => p.X), max = points.Max(p => p.X);
        return max > min ? (min, max) : (min - 0.5, max + 0.5);
    }

    private (double Min, double Max, double Step) YRange(IReadOnlyList<SeriesPoint> points)
    {
        double lo = points.Min(p => p.Mean - (p.Std ?? 0)), hi = points.Max(p => p.Mean + (p.Std ?? 0));
        double pad = Math.Max((hi - lo) * 0.05, 0.01 * (_bounds.Max - _bounds.Min));
        lo = Math.Max(_bounds.Min, lo - pad);
        hi = Math.Min(_bounds.Max, hi + pad);
        double step = NiceTicks.Step(hi - lo, 6);
        lo = Math.Max(_bounds.Min, Math.Floor(lo / step) * step);
        hi = Math.Min(_bounds.Max, Math.Ceiling(hi / step) * step);
        return hi > lo ? (lo, hi, step) : (lo - step, hi + step, step);
    }
}
