using ScottPlot;

namespace FedSec.Reporting.Plots;

/// <summary>A figure that ScottPlot draws.</summary>
internal interface IFigure
{
    /// <summary>
    /// A new plot of the figure and its size in SVG units (a plot keeps state from rendering, so each rendering gets its
    /// own). The caller disposes the plot.
    /// </summary>
    FigurePlot Create();
}
