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
    /// <summary>The axes every run has (and a tuned defense's values, <c>tune</c>); they vary within a facet.</summary>
    public static readonly string[] InnerAxes = ["attack", "defense", "seed", FedSec.Results.Grid.GridExpander.TuneAxis];

    public const string None = "none";

    /// <summary>
    /// Grid axes other than attack, defense and seed that (attack, defense) determine in <see cref="Runs"/>: a grid's
    /// named settings that each set attack and defense (Exp4's <c>setting</c>). They do not split facets, so their
    /// values stand side by side in one facet's figures and tables.
    /// </summary>
    public IReadOnlyList<string> MergedAxes { get; init; } = [];

    /// <summary>
    /// Groups runs by their other axes, facets in order of those axes' values (numbers by value). An axis that the
    /// attack and defense determine (each (attack, defense) pair, the other axes fixed, has one value of it) does not
    /// split: it would only put each setting in a facet of its own.
    /// </summary>
    public static IReadOnlyList<Facet> Split(IReadOnlyList<StoredRun> runs)
    {
        var merged = DeterminedAxes(runs);
        return runs
            .GroupBy(r => string.Join(", ", OuterAxes(r, merged).Select(a => $"{a.Key}={a.Value}")))
            .OrderBy(g => OuterAxes(g.First(), merged), AxisValuesComparer.Instance)
            .Select(g => new Facet(g.Key, g.Key.Length == 0 ? string.Empty : FileNames.Safe(g.Key.Replace(", ", "_", StringComparison.Ordinal).Replace('=', '-')) + "_", g.ToArray()) { MergedAxes = merged })
            .ToArray();
    }

    /// <summary>The outer axes with more than one value that (attack, defense and the other outer axes) determine.</summary>
    public static IReadOnlyList<string> DeterminedAxes(IReadOnlyList<StoredRun> runs)
    {
        var outer = runs.SelectMany(r => r.Axes.Keys).Where(k => !InnerAxes.Contains(k)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return outer.Where(axis =>
            runs.Select(r => r.Axes.GetValueOrDefault(axis)).Distinct(StringComparer.Ordinal).Count() > 1
            && runs.GroupBy(r => string.Join("\n", r.Axes.Where(a => a.Key != axis && a.Key != "seed").OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")))
                .All(g => g.Select(r => r.Axes.GetValueOrDefault(axis)).Distinct(StringComparer.Ordinal).Count() == 1))
            .ToArray();
    }

    /// <summary>The merged axes' values of <paramref name="runs"/> (one cell), e.g. "setting=no_attack"; empty without merged axes.</summary>
    public string MergedLabel(IEnumerable<StoredRun> runs) => string.Join(", ", MergedAxes.Select(a => $"{a}={string.Join("/", runs.Select(r => r.Axes.GetValueOrDefault(a) ?? "–").Distinct(StringComparer.Ordinal))}"));

    private static IReadOnlyList<KeyValuePair<string, string>> OuterAxes(StoredRun run, IReadOnlyList<string> merged) =>
        run.Axes.Where(a => !InnerAxes.Contains(a.Key) && !merged.Contains(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The values of <paramref name="key"/> over <paramref name="runs"/> in report order: "none" first, then in the grid
    /// file's order of <paramref name="axis"/> (<see cref="StoredRun.AxisRanks"/>; a value ranks as its earliest run, so a
    /// tuned defense's name takes its first candidate's place), then values the stored order does not know, by name.
    /// </summary>
    public static IReadOnlyList<string> Ordered(IEnumerable<StoredRun> runs, Func<StoredRun, string> key, string axis) =>
        runs.GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key == None ? 0 : 1)
            .ThenBy(g => g.Min(r => r.AxisRanks.TryGetValue(axis, out int rank) ? rank : int.MaxValue))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToArray();

    /// <summary>The attacks of <paramref name="runs"/> in report order.</summary>
    public static IReadOnlyList<string> Attacks(IEnumerable<StoredRun> runs) => Ordered(runs, r => r.Attack, FedSec.Results.Grid.GridExpander.AttackAxis);

    /// <summary>The defenses of <paramref name="runs"/> in report order.</summary>
    public static IReadOnlyList<string> Defenses(IEnumerable<StoredRun> runs) => Ordered(runs, r => r.Defense, FedSec.Results.Grid.GridExpander.DefenseAxis);
}
