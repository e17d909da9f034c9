using ScottPlot;
using ScottPlot.TickGenerators;

namespace FedSec.Reporting.Plots;

/// <summary>
/// Curves over rounds with a shaded mean ± std band per curve and the legend at the right, drawn by ScottPlot. The y
/// range covers the curves and bands with a margin, cut to <c>yBounds</c> (e.g. [0, 1] for accuracy; null for a
/// quantity without fixed bounds, a loss, whose axis follows the curves alone). The chart is
/// <see cref="ChartWidth"/> × <see cref="ChartHeight"/>, taller when the legend needs it.
/// </summary>
internal sealed class LineChart : IFigure
{
    public const int ChartWidth = 800;
    public const int ChartHeight = 480;

    // Curves with more points than this are drawn without markers.
    private const int MaxMarkedPoints = 25;
    private const double BandOpacity = 0.18;

    private readonly string _title;
    private readonly string _xLabel;
    private readonly string _yLabel;
    private readonly (double Min, double Max)? _bounds;

    /// <summary>The series drawn, in legend order.</summary>
    public IReadOnlyList<LineSeries> Series { get; }

    public LineChart(string title, string xLabel, string yLabel, IReadOnlyList<LineSeries> series, (double Min, double Max)? yBounds)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0 || series.All(s => s.Points.Count == 0))
        {
            throw new ArgumentException($"Figure '{title}' has no data points.", nameof(series));
        }

        _title = title;
        _xLabel = xLabel;
        _yLabel = yLabel;
        Series = series;
        _bounds = yBounds;
    }

    public FigurePlot Create()
    {
        var plot = FigureStyle.NewPlot(_title);
        FigureStyle.Axis(plot.Axes.Bottom, _xLabel);
        FigureStyle.Axis(plot.Axes.Left, _yLabel);
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true, MinimumTickSpacing = 40 };
        plot.Axes.Left.TickGenerator = new NumericAutomatic { MinimumTickSpacing = 25 };
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Grid.YAxisStyle.MajorLineStyle.Color = FigureStyle.Grid;

        foreach (var s in Series)
        {
            Band(plot, s);
        }

        foreach (var s in Series)
        {
            Curve(plot, s);
        }

        SetLimits(plot);
        var legend = plot.ShowLegend(Edge.Right);
        legend.Alignment = Alignment.UpperCenter;
        legend.Padding = new PixelPadding(12, 8, 0, 0);
        plot.Legend.FontName = FigureStyle.FontName;
        plot.Legend.FontSize = FigureStyle.FontSize;
        plot.Legend.FontColor = FigureStyle.Text;
        plot.Legend.OutlineColor = FigureStyle.Grid;
        plot.Legend.ShadowColor = ScottPlot.Colors.Transparent;
        plot.Legend.SymbolWidth = 30;
        plot.Legend.InterItemPadding = new PixelPadding(8, 8, 4, 4);

        // The legend stands beside the data area, as tall as it at most (ScottPlot would cut the rest): a long legend
        // makes the figure taller.
        int legendHeight;
        using (var legendImage = plot.Legend.GetImage())
        {
            legendHeight = legendImage.Height;
        }

        var area = FigureRenderer.DataArea(plot, ChartWidth, ChartHeight);
        int height = ChartHeight + Math.Max(0, (int)Math.Ceiling(legendHeight - area.Height));
        return new FigurePlot(plot, ChartWidth, height);
    }

    private static void Band(Plot plot, LineSeries s)
    {
        var banded = s.Points.Where(p => p.Std is not null).ToArray();
        if (banded.Length > 1)
        {
            var band = plot.Add.FillY(banded.Select(p => p.X).ToArray(), banded.Select(p => p.Mean + p.Std!.Value).ToArray(), banded.Select(p => p.Mean - p.Std!.Value).ToArray());
            band.FillColor = s.Style.Color.WithOpacity(BandOpacity);
            band.LineWidth = 0;
        }
    }

    private static void Curve(Plot plot, LineSeries s)
    {
        var line = plot.Add.Scatter(s.Points.Select(p => p.X).ToArray(), s.Points.Select(p => p.Mean).ToArray(), s.Style.Color);
        line.LegendText = s.Name;
        line.LineWidth = 2;
        line.LinePattern = s.Style.Pattern;
        line.MarkerShape = s.Points.Count <= MaxMarkedPoints ? s.Style.Marker : MarkerShape.None;
        line.MarkerStyle.CustomRenderer = new SolidMarker(line.MarkerShape);
        line.MarkerSize = 6;
    }

    private void SetLimits(Plot plot)
    {
        var points = Series.SelectMany(s => s.Points).ToArray();
        double xMin = points.Min(p => p.X), xMax = points.Max(p => p.X);
        double xPad = xMax > xMin ? (xMax - xMin) * 0.02 : 0.5;
        double lo = points.Min(p => p.Mean - (p.Std ?? 0)), hi = points.Max(p => p.Mean + (p.Std ?? 0));
        if (_bounds is not { } bounds)
        {
            // No fixed range (a loss): the curves' own range with a 5 % margin, ending on twentieths of its width.
            double width = hi > lo ? hi - lo : Math.Max(Math.Abs(hi), 1);
            double step = width / 20;
            lo = Math.Floor((lo - step) / step) * step;
            hi = Math.Ceiling((hi + step) / step) * step;
            plot.Axes.SetLimits(xMin - xPad, xMax + xPad, lo, hi);
            return;
        }

        double yPad = Math.Max((hi - lo) * 0.05, 0.01 * (bounds.Max - bounds.Min));

        // Ends on twentieths of the bounds (0.05 for accuracy), so the axis starts and ends at a round value.
        double snap = (bounds.Max - bounds.Min) / 20;
        lo = Math.Max(bounds.Min, Math.Floor((lo - yPad) / snap) * snap);
        hi = Math.Min(bounds.Max, Math.Ceiling((hi + yPad) / snap) * snap);
        plot.Axes.SetLimits(xMin - xPad, xMax + xPad, lo, hi > lo ? hi : lo + yPad);
    }
}
