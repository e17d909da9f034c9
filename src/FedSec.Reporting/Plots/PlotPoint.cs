namespace FedSec.Reporting.Plots;

/// <summary>A point in canvas units (x right, y down).</summary>
internal readonly record struct PlotPoint(double X, double Y);
