namespace FedSec.Reporting.Plots;

/// <summary>One curve of a line chart, with a ± std band where its points have a standard deviation.</summary>
internal sealed record LineSeries(string Name, SeriesStyle Style, IReadOnlyList<SeriesPoint> Points);
