using FedSec.Configuration;

namespace FedSec.Results.Grid;

/// <summary>
/// A defense variant's <c>tune:</c> map (key → list of candidate values, e.g. <c>tune: {beta: [0.1, 0.2]}</c>): the
/// variant expands into one choice per combination of the candidates (the keys in the order written, the first key
/// outermost), each setting its keys in <c>defense_args</c> over the variant's own sections and labelled
/// <c>NAME(k1=v1,k2=v2)</c>. The report picks, per defense, the combination whose worst case over attacks is highest
/// (docs/benchmark.md, "Worst case over attacks"). Written here because no library knows this grid vocabulary.
/// </summary>
public static class GridTuning
{
    /// <summary>The key of a variant's tuning map.</summary>
    public const string TuneKey = "tune";

    /// <summary>The only variant list that may tune: the defense's.</summary>
    public const string TunedAxis = GridExpander.DefenseAxis;

    /// <summary>The most combinations one variant's tuning map may give.</summary>
    public const int MaxCombinations = 1000;

    /// <summary>
    /// Expands one variant into its choices: itself when it has no <c>tune:</c>, else one choice per combination.
    /// Problems (tuning outside the defense list, a map that is not key → non-empty list, a repeated value, a key the
    /// variant also sets) are added to <paramref name="problems"/>, each naming the key and the file.
    /// </summary>
    /// <param name="axis">The variant list's name (<c>defense</c>).</param>
    /// <param name="name">The variant's name.</param>
    /// <param name="tune">The value of its <c>tune:</c> entry; null when it has none.</param>
    /// <param name="assignments">The entries the variant sets.</param>
    /// <param name="where">The variant's place for messages, e.g. <c>grid.defense[3] (grid.yaml:40)</c>.</param>
    /// <param name="source">The source recorded for the entries the tuning sets.</param>
    /// <param name="problems">Receives the problems found.</param>
    public static IReadOnlyList<GridChoice> Expand(string axis, string name, object? tune, IReadOnlyList<ConfigEntry> assignments, string where, string source, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(assignments);
        if (tune is null)
        {
            return [new GridChoice(name, assignments)];
        }

        string at = $"{where}.{TuneKey}";
        if (axis != TunedAxis)
        {
            problems.Add(new ConfigProblem(at, $"only the variants of 'grid: {TunedAxis}:' may tune hyper-parameters; '{axis}' may not."));
            return [];
        }

        if (tune is not Dictionary<string, object?> map || map.Count == 0)
        {
            problems.Add(new ConfigProblem(at, "must be a non-empty mapping from a defense_args key to a list of candidate values, e.g. 'tune: {beta: [0.1, 0.2]}'."));
            return [];
        }

        var candidates = new List<(string Key, List<object?> Values)>();
        foreach (var (key, value) in map)
        {
            string keyAt = $"{at}.{key}";
            if (value is not List<object?> values || values.Count == 0)
            {
                problems.Add(new ConfigProblem(keyAt, $"is {ConfigYamlWriter.FormatValue(value)}, but a tuned key takes a non-empty list of candidate values, e.g. '{key}: [0.1, 0.2]'."));
                continue;
            }

            if (assignments.Any(a => a.Key == key))
            {
                problems.Add(new ConfigProblem(keyAt, $"is also set by the variant '{name}' itself; set it either in the variant or in its tune: list, not both."));
                continue;
            }

            var repeated = values.Select(ConfigYamlWriter.FormatValue).GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
            if (repeated.Length > 0)
            {
                problems.Add(new ConfigProblem(keyAt, $"lists {string.Join(", ", repeated)} more than once; each candidate value must differ."));
                continue;
            }

            candidates.Add((key, values));
        }

        long count = candidates.Aggregate(1L, (n, c) => Math.Min(n * c.Values.Count, MaxCombinations + 1L));
        if (count > MaxCombinations)
        {
            problems.Add(new ConfigProblem(at, $"gives more than {MaxCombinations} combinations ({string.Join(" × ", candidates.Select(c => $"{c.Key} {c.Values.Count}"))}); narrow the candidate lists."));
            return [];
        }

        if (candidates.Count != map.Count)
        {
            return [];
        }

        return Combinations(candidates)
            .Select(combination =>
            {
                string tuning = string.Join(',', combination.Select(c => $"{c.Key}={ConfigYamlWriter.FormatValue(c.Value)}"));
                var entries = assignments.Concat(combination.Select(c => new ConfigEntry(ConfigSections.Defense, c.Key, c.Value, $"{source} {TuneKey}"))).ToArray();
                return new GridChoice(Label(name, tuning), entries) { Family = name, Tuning = tuning };
            })
            .ToArray();
    }

    /// <summary>A tuned choice's label: <c>NAME(TUNING)</c>.</summary>
    public static string Label(string name, string tuning) => $"{name}({tuning})";

    /// <summary>
    /// The defense (variant name) of a run's defense label, given the run's <see cref="GridExpander.TuneAxis"/> value:
    /// the label without its <c>(TUNING)</c> suffix; the label itself when the run was not tuned.
    /// </summary>
    public static string Family(string defenseLabel, string? tuning)
    {
        ArgumentNullException.ThrowIfNull(defenseLabel);
        string suffix = tuning is null ? string.Empty : $"({tuning})";
        return tuning is not null && defenseLabel.EndsWith(suffix, StringComparison.Ordinal) && defenseLabel.Length > suffix.Length
            ? defenseLabel[..^suffix.Length]
            : defenseLabel;
    }

    private static IEnumerable<(string Key, object? Value)[]> Combinations(List<(string Key, List<object?> Values)> candidates)
    {
        IEnumerable<(string Key, object? Value)[]> result = [[]];
        foreach (var (key, values) in candidates)
        {
            result = result.SelectMany(prefix => values.Select(v => prefix.Append((key, v)).ToArray())).ToArray();
        }

        return result;
    }
}
