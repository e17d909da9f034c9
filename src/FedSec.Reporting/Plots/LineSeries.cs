namespace FedSec.Reporting.Plots;

/// <summary>One curve of a line chart, with a ± std band where its points have a standard deviation.</summary>
internal sealed record LineSeries(string Name, PlotColor Color, IReadOnlyList<SeriesPoint> Points, bool Dashed = false);
