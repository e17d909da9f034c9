using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>
/// The runs that share every grid axis other than attack, defense and seed (e.g. malicious=1); the report draws one
/// set of figures and tables per facet.
/// </summary>
/// <param name="Label">E.g. "malicious=1, partition_alpha=0.5"; empty when the grid varies only attack, defense and seed.</param>
/// <param name="Slug">A file-name prefix for the facet's plots (empty or ending in '_').</param>
/// <param name="Runs">The facet's runs.</param>
internal sealed record Facet(string Label, string Slug, IReadOnlyList<StoredRun> Runs)
{
    /// <summary>The axes every run has; they vary within a facet.</summary>
    public static readonly string[] InnerAxes = ["attack", "defense", "seed"];

    public const string None = "none";

    /// <summary>Groups runs by their other axes, facets in order of those axes' values (numbers by value).</summary>
    public static IReadOnlyList<Facet> Split(IReadOnlyList<StoredRun> runs) => runs
        .GroupBy(r => string.Join(", ", OuterAxes(r).Select(a => $"{a.Key}={a.Value}")))
        .OrderBy(g => OuterAxes(g.First()), AxisValuesComparer.Instance)
        .Select(g => new Facet(g.Key, g.Key.Length == 0 ? string.Empty : FileNames.Safe(g.Key.Replace(", ", "_", StringComparison.Ordinal).Replace('=', '-')) + "_", g.ToArray()))
        .ToArray();

    private static IReadOnlyList<KeyValuePair<string, string>> OuterAxes(StoredRun run) =>
        run.Axes.Where(a => !InnerAxes.Contains(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal).ToArray();

    /// <summary>Axis labels in report order: "none" first, then ordinal.</summary>
    public static IReadOnlyList<string> Ordered(IEnumerable<string> labels) =>
        labels.Distinct(StringComparer.Ordinal).OrderBy(l => l == None ? 0 : 1).ThenBy(l => l, StringComparer.Ordinal).ToArray();
}
