namespace FedSec.Reporting.Plots;

/// <summary>One heatmap cell: the value its colour shows (null: no data) and the text printed in it.</summary>
internal sealed record HeatmapCell(double? Value, string Text);
