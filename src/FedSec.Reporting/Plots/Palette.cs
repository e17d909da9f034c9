namespace FedSec.Reporting.Plots;

/// <summary>The figures' colours: ten distinguishable series colours and a sequential map for heatmaps.</summary>
internal static class Palette
{
    private static readonly PlotColor[] Series =
        new[] { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f" }
            .Select(PlotColor.Parse).ToArray();

    // Anchors of a perceptually ordered dark-blue → green → yellow map.
    private static readonly PlotColor[] Sequential =
        new[] { "#440154", "#3b528b", "#21918c", "#5ec962", "#fde725" }.Select(PlotColor.Parse).ToArray();

    /// <summary>The benign (no attack, no defense) baseline.</summary>
    public static PlotColor Benign { get; } = new(90, 90, 90);

    /// <summary>The "attack, no defense" baseline.</summary>
    public static PlotColor Undefended { get; } = PlotColor.Black;

    public static PlotColor SeriesColor(int index) => Series[index % Series.Length];

    /// <summary>The sequential map at <paramref name="t"/> in [0, 1] (clamped).</summary>
    public static PlotColor Map(double t)
    {
        t = Math.Clamp(double.IsNaN(t) ? 0 : t, 0, 1) * (Sequential.Length - 1);
        int i = Math.Min((int)Math.Floor(t), Sequential.Length - 2);
        return PlotColor.Lerp(Sequential[i], Sequential[i + 1], t - i);
    }
}
