using ScottPlot;

namespace FedSec.Reporting.Plots;

/// <summary>
/// The figures' colours: series styles that no two curves of a chart share, the baselines' styles, and the sequential
/// map of the heatmaps.
/// </summary>
internal static class Palette
{
    // Category10 without its grey, which the benign baseline has.
    private static readonly Color[] Colors = new ScottPlot.Palettes.Category10().Colors.Where(c => c != Color.FromHex("#7f7f7f")).ToArray();

    // Four patterns and five markers: past the colours, each round through them changes both, so the first
    // Colors · 20 series all differ in colour, pattern or marker.
    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dotted, new([12, 4, 3, 4], 0, "DashDot"), LinePattern.DenselyDashed];

    private static readonly MarkerShape[] Markers = [MarkerShape.FilledSquare, MarkerShape.FilledCircle, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle];

    private static readonly ScottPlot.Colormaps.Viridis Sequential = new();

    /// <summary>The benign (no attack, no defense) baseline: grey, dashed.</summary>
    public static SeriesStyle Benign { get; } = new(Color.FromHex("#5a5a5a"), LinePattern.Dashed, MarkerShape.FilledSquare);

    /// <summary>The "attack, no defense" baseline: black, dashed.</summary>
    public static SeriesStyle Undefended { get; } = new(ScottPlot.Colors.Black, LinePattern.Dashed, MarkerShape.FilledSquare);

    /// <summary>The number of series colours.</summary>
    public static int ColorCount => Colors.Length;

    /// <summary>The style of the <paramref name="index"/>-th series (0-based).</summary>
    public static SeriesStyle Series(int index)
    {
        int round = index / Colors.Length;
        return new SeriesStyle(Colors[index % Colors.Length], Patterns[round % Patterns.Length], Markers[round % Markers.Length]);
    }

    /// <summary>The sequential map (viridis: dark blue → green → yellow) at <paramref name="t"/> in [0, 1] (clamped).</summary>
    public static Color Map(double t) => Sequential.GetColor(Math.Clamp(double.IsNaN(t) ? 0 : t, 0, 1));
}
