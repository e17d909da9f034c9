using FedSec.Configuration;

namespace FedSec.Results.Grid;

/// <summary>
/// Reads a grid file: a FedML-style configuration in which any value may be a list of alternatives, plus an optional
/// <c>grid:</c> section of named variant lists. A key whose value is itself a list (<c>defense_type</c>,
/// <c>original_class_list</c>, ...) becomes an axis only when written as a list of lists (or a list holding at least one
/// list), so <c>defense_type: [nnm, trimmed_mean]</c> stays one chain while
/// <c>defense_type: [krum, [nnm, trimmed_mean]]</c> is two runs.
/// </summary>
public static class GridReader
{
    /// <summary>The section holding named variant lists.</summary>
    public const string GridSection = "grid";

    /// <summary>The key of a variant's name.</summary>
    public const string NameKey = "name";

    /// <summary>The entry of the grid section listing combinations to leave out.</summary>
    public const string ExcludeKey = "exclude";

    /// <summary>
    /// Splits <paramref name="grid"/> into the base configuration (every key that is not an axis) and its axes. A variant
    /// may set FedML's sections and <paramref name="extensionSections"/>, the sections the registry adds
    /// (<c>dp_args</c>, <c>secure_aggregation_args</c>).
    /// </summary>
    /// <exception cref="ConfigException">A variant list or an axis is malformed; every problem is listed.</exception>
    public static (ConfigNamespace Base, IReadOnlyList<GridAxis> Axes, IReadOnlyList<IReadOnlyDictionary<string, string>> Excluded) Read(
        ConfigNamespace grid, IReadOnlySet<string> listValuedKeys, IEnumerable<string>? extensionSections = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(listValuedKeys);
        var sections = ConfigSections.All.Concat(extensionSections ?? []).Distinct(StringComparer.Ordinal).ToArray();
        var problems = new List<ConfigProblem>();
        var baseConfig = new ConfigNamespace();
        var named = new List<GridAxis>();
        var keyAxes = new List<GridAxis>();
        var excluded = new List<IReadOnlyDictionary<string, string>>();
        foreach (var e in grid.Entries)
        {
            if (e.Section == GridSection && e.Key == ExcludeKey)
            {
                excluded.AddRange(ReadExcluded(e, problems));
                continue;
            }

            if (e.Section == GridSection && e.Key == GridExpander.TuneAxis)
            {
                problems.Add(new ConfigProblem($"{GridSection}.{e.Key} ({e.Source})", $"'{GridExpander.TuneAxis}' is the axis of tuned hyper-parameters that 'tune:' maps in 'grid: {GridTuning.TunedAxis}:' variants set; name this variant list otherwise."));
                continue;
            }

            if (e.Section == GridSection)
            {
                if (ReadVariants(e, sections, problems) is { } axis)
                {
                    named.Add(axis);
                }

                continue;
            }

            if (e.Value is List<object?> values && IsAxis(e.Key, values, listValuedKeys))
            {
                if (values.Count == 0)
                {
                    problems.Add(new ConfigProblem($"{e.QualifiedKey} ({e.Source})", "an empty list gives no value to run; write at least one value."));
                    continue;
                }

                var choices = values.Select(v => new GridChoice(ConfigYamlWriter.FormatValue(v), [new ConfigEntry(e.Section, e.Key, v, $"{e.Source} (grid axis)")])).ToArray();
                keyAxes.Add(new GridAxis(e.Key, choices, e.Section));
                continue;
            }

            baseConfig.Set(e.Section, e.Key, e.Value, e.Source);
        }

        var merged = MergeSharedKeys(keyAxes, problems).ToList();
        if (problems.Count > 0)
        {
            throw new ConfigException(problems);
        }

        var axes = named.Concat(merged).ToArray();
        foreach (var (rule, i) in excluded.Select((r, i) => (r, i)))
        {
            foreach (var (axis, label) in rule)
            {
                var known = axes.FirstOrDefault(a => a.Name == axis);
                bool derived = axis is GridExpander.AttackAxis or GridExpander.DefenseAxis or GridExpander.SeedAxis;
                if (known is null ? !derived : known.Choices.All(c => c.Label != label && c.Family != label))
                {
                    problems.Add(new ConfigProblem(
                        $"{GridSection}.{ExcludeKey}[{i}].{axis}",
                        known is null
                            ? $"'{axis}' is not an axis of this grid; the axes are {string.Join(", ", axes.Select(a => a.Name).Append(GridExpander.AttackAxis).Append(GridExpander.DefenseAxis).Distinct())}."
                            : $"'{label}' is not a value of axis '{axis}'; its values are {string.Join(", ", known.Choices.Select(c => c.Family ?? c.Label).Distinct(StringComparer.Ordinal))}."));
                }
            }
        }

        return problems.Count > 0 ? throw new ConfigException(problems) : (baseConfig, axes, excluded);
    }

    // exclude: a list of mappings axis: label; a run matching every pair of one mapping is left out.
    private static IEnumerable<IReadOnlyDictionary<string, string>> ReadExcluded(ConfigEntry e, List<ConfigProblem> problems)
    {
        var items = e.Value as List<object?>;
        if (items is null || items.Any(i => i is not Dictionary<string, object?> d || d.Count == 0 || d.Values.Any(v => v is not string)))
        {
            problems.Add(new ConfigProblem($"{GridSection}.{ExcludeKey} ({e.Source})", "must be a list of mappings from axis name to value label, e.g. '- {attack: label_flipping, malicious: 20%}'."));
            return Array.Empty<IReadOnlyDictionary<string, string>>();
        }

        return items.Cast<Dictionary<string, object?>>()
            .Select(d => (IReadOnlyDictionary<string, string>)d.ToDictionary(kv => kv.Key, kv => (string)kv.Value!, StringComparer.Ordinal))
            .ToArray();
    }

    private static bool IsAxis(string key, List<object?> values, IReadOnlySet<string> listValuedKeys) =>
        !listValuedKeys.Contains(key) || values.Any(v => v is List<object?>);

    // The sections share one namespace: the same key listed in several sections (byzantine_client_num under attack_args
    // and defense_args) is one axis that sets all of them, so the lists must agree.
    private static IEnumerable<GridAxis> MergeSharedKeys(List<GridAxis> keyAxes, List<ConfigProblem> problems)
    {
        foreach (var group in keyAxes.GroupBy(a => a.Name, StringComparer.Ordinal))
        {
            var first = group.First();
            var labels = first.Choices.Select(c => c.Label).ToArray();
            foreach (var other in group.Skip(1))
            {
                if (!other.Choices.Select(c => c.Label).SequenceEqual(labels, StringComparer.Ordinal))
                {
                    problems.Add(new ConfigProblem(
                        $"{other.Section}.{other.Name}",
                        $"lists [{string.Join(", ", other.Choices.Select(c => c.Label))}] but {first.Section}.{first.Name} lists [{string.Join(", ", labels)}]; a key listed in several sections is one axis, so the lists must be equal."));
                }
            }

            var choices = first.Choices
                .Select((c, i) => new GridChoice(c.Label, group.SelectMany(a => a.Choices[i].Assignments).ToArray()))
                .ToArray();
            yield return new GridAxis(first.Name, choices, first.Section);
        }
    }

    private static GridAxis? ReadVariants(ConfigEntry e, IReadOnlyList<string> sections, List<ConfigProblem> problems)
    {
        string where = $"{GridSection}.{e.Key} ({e.Source})";
        if (e.Value is not List<object?> items || items.Count == 0)
        {
            problems.Add(new ConfigProblem(where, "a variant list is a non-empty YAML list of mappings, each with a name and the sections it sets, e.g. '- name: krum' then 'defense_args: {enable_defense: true, defense_type: krum}'."));
            return null;
        }

        var choices = new List<GridChoice>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            string itemWhere = $"{GridSection}.{e.Key}[{i}] ({e.Source})";
            if (items[i] is not Dictionary<string, object?> variant)
            {
                problems.Add(new ConfigProblem(itemWhere, $"is {ConfigYamlWriter.FormatValue(items[i])}, but each variant must be a mapping with a name and sections."));
                continue;
            }

            if (!variant.TryGetValue(NameKey, out var nameValue) || nameValue is not string name || string.IsNullOrWhiteSpace(name))
            {
                problems.Add(new ConfigProblem(itemWhere, "has no name; give each variant 'name: TEXT' (it labels the runs, tables and plots)."));
                continue;
            }

            if (!names.Add(name))
            {
                problems.Add(new ConfigProblem(itemWhere, $"repeats the name '{name}'; variant names of one list must differ."));
            }

            var assignments = new List<ConfigEntry>();
            foreach (var (section, body) in variant.Where(kv => kv.Key is not (NameKey or GridTuning.TuneKey)))
            {
                if (!sections.Contains(section, StringComparer.Ordinal))
                {
                    problems.Add(new ConfigProblem($"{itemWhere}.{section}", $"is not a section; a variant holds 'name' and sections ({string.Join(", ", sections)})."));
                    continue;
                }

                if (body is not Dictionary<string, object?> keys)
                {
                    problems.Add(new ConfigProblem($"{itemWhere}.{section}", "must be a mapping of key: value."));
                    continue;
                }

                assignments.AddRange(keys.Select(kv => new ConfigEntry(section, kv.Key, kv.Value, $"{e.Source} (grid variant {e.Key}={name})")));
            }

            choices.AddRange(GridTuning.Expand(e.Key, name, variant.GetValueOrDefault(GridTuning.TuneKey), assignments, itemWhere, $"{e.Source} (grid variant {e.Key}={name})", problems));
        }

        foreach (var label in choices.GroupBy(c => c.Label, StringComparer.Ordinal).Where(g => g.Count() > 1 && g.Any(c => c.Tuning is not null)).Select(g => g.Key))
        {
            problems.Add(new ConfigProblem(where, $"gives the label '{label}' twice (a tuned candidate and a variant of that name); rename the variant."));
        }

        return new GridAxis(e.Key, choices);
    }
}
