using ScottPlot;

namespace FedSec.Reporting.Plots;

/// <summary>A figure's plot and the size, in SVG units, to render it at.</summary>
internal sealed record FigurePlot(Plot Plot, int Width, int Height) : IDisposable
{
    public void Dispose() => Plot.Dispose();
}
