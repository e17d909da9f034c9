using ScottPlot;

namespace FedSec.Reporting.Plots;

/// <summary>How a curve is drawn: colour, line pattern and point marker.</summary>
internal sealed record SeriesStyle(Color Color, LinePattern Pattern, MarkerShape Marker);
