namespace FedSec.Reporting.Plots;

/// <summary>A curve's value at one x: the mean over seeds and, with several seeds, their standard deviation.</summary>
internal readonly record struct SeriesPoint(double X, double Mean, double? Std);
