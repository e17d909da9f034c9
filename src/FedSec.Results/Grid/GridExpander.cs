using System.Globalization;
using FedSec.Configuration;

namespace FedSec.Results.Grid;

/// <summary>
/// Expands a grid into runs: the cross product of its axes (seeds outermost, so every configuration's first seed
/// finishes before any second seed starts), each combination set over the base configuration. Scalars are broadcast
/// to every run. Runs that resolve to the same settings (e.g. a defense parameter crossed with "no defense") run
/// once: the first is the plan, and the others' cells are its <see cref="GridRunPlan.OtherCells"/>. Combinations matching an entry of <c>grid: exclude:</c> (axis: label pairs) are left out.
/// </summary>
public static class GridExpander
{
    /// <summary>The axis name under which every run carries its attack label.</summary>
    public const string AttackAxis = "attack";

    /// <summary>The axis name under which every run carries its defense label.</summary>
    public const string DefenseAxis = "defense";

    /// <summary>The most combinations a grid may have (before excluded ones and duplicates are removed).</summary>
    public const int MaxRuns = 100_000;

    /// <summary>The axis name under which every run carries its seed.</summary>
    public const string SeedAxis = "seed";

    /// <summary>
    /// The axis under which a run of a tuned defense variant (<see cref="GridTuning"/>) carries its candidate values,
    /// e.g. <c>beta=0.1</c>; runs of untuned variants do not have it.
    /// </summary>
    public const string TuneAxis = "tune";

    // Keys that count the attackers: an axis over them is a setting of its own (10 % vs 20 % malicious), not a variant
    // of the attack.
    private static readonly HashSet<string> AttackerCountKeys = new(StringComparer.Ordinal) { "byzantine_client_num", "ratio_of_poisoned_client" };

    private static readonly HashSet<string> NamingKeys = new(StringComparer.Ordinal)
    {
        EngineParameters.AttackType.Key, EngineParameters.DefenseType.Key, EngineParameters.EnableAttack.Key, EngineParameters.EnableDefense.Key,
    };

    /// <summary>
    /// Reads and expands a grid; <paramref name="listValuedKeys"/> are the keys whose single value is a list, and
    /// <paramref name="runKey"/> gives each run's key (<see cref="RunKey"/> of the bound run); runs with the same key are
    /// kept once. Variants may also set <paramref name="extensionSections"/> (the registry's <c>dp_args</c>, ...).
    /// </summary>
    /// <exception cref="ConfigException">The grid is malformed.</exception>
    public static IReadOnlyList<GridRunPlan> Expand(
        ConfigNamespace grid, IReadOnlySet<string> listValuedKeys, Func<ConfigNamespace, string> runKey, IEnumerable<string>? extensionSections = null)
    {
        ArgumentNullException.ThrowIfNull(runKey);
        var (baseConfig, axes, excluded) = GridReader.Read(grid, listValuedKeys, extensionSections);
        var ordered = axes.Where(a => a.Name == EngineParameters.RandomSeed.Key).Concat(axes.Where(a => a.Name != EngineParameters.RandomSeed.Key)).ToArray();
        CheckSize(ordered);
        var runs = new List<GridRunPlan>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var combination in CrossProduct(ordered))
        {
            var config = baseConfig.Clone();
            foreach (var entry in combination.SelectMany(c => c.Choice.Assignments))
            {
                config.Set(entry.Section, entry.Key, entry.Value, entry.Source);
            }

            var labels = Labels(config, combination);
            if (excluded.Any(rule => rule.All(kv => Matches(labels, combination, kv.Key, kv.Value))))
            {
                continue;
            }

            string key = runKey(config);
            string label = Describe(labels);
            if (seen.TryAdd(key, runs.Count))
            {
                runs.Add(new GridRunPlan(key, label, labels, SeedOf(config), config));
            }
            else if (runs[seen[key]] is var first && first.Label != label && first.OtherCells.All(c => c.Label != label))
            {
                runs[seen[key]] = first with { OtherCells = [.. first.OtherCells, new GridCell(label, labels)] };
            }
        }

        return runs;
    }

    /// <summary>
    /// Refuses a grid of more than <see cref="MaxRuns"/> combinations before expanding it: ten axes of ten values are
    /// 10^10 runs, which would take the process's memory (10^8 ran out of a 2 GiB heap in a minute while writing the
    /// fuzz/ grid harness) and could never be run anyway.
    /// </summary>
    private static void CheckSize(GridAxis[] axes)
    {
        long combinations = 1;
        foreach (var axis in axes)
        {
            combinations = Math.Min(combinations * axis.Choices.Count, MaxRuns + 1);
        }

        if (combinations > MaxRuns)
        {
            string where = axes.SelectMany(a => a.Choices).SelectMany(c => c.Assignments).Select(e => e.Source).FirstOrDefault() ?? GridReader.GridSection;
            string sizes = string.Join(" × ", axes.Where(a => a.Choices.Count > 1).Select(a => $"{a.Name} {a.Choices.Count}"));
            throw new ConfigException(where, $"the grid has more than {MaxRuns} combinations ({sizes}); split it into smaller grids or narrow its axes.");
        }
    }

    /// <summary>"attack=… defense=… other=… seed=…" (a tuned defense's values show in its defense label, not again).</summary>
    public static string Describe(IReadOnlyDictionary<string, string> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        var order = axes.Keys.Where(k => k is not (AttackAxis or DefenseAxis or SeedAxis or TuneAxis)).Prepend(DefenseAxis).Prepend(AttackAxis).Append(SeedAxis);
        return string.Join(' ', order.Where(axes.ContainsKey).Select(k => $"{k}={axes[k]}"));
    }

    // An exclusion names an axis label, or for a tuned variant its name, which matches every candidate.
    private static bool Matches(Dictionary<string, string> labels, (GridAxis Axis, GridChoice Choice)[] combination, string axis, string value) =>
        (labels.TryGetValue(axis, out var v) && v == value)
        || combination.Any(c => c.Axis.IsNamed && c.Axis.Name == axis && c.Choice.Family == value);

    private static IEnumerable<(GridAxis Axis, GridChoice Choice)[]> CrossProduct(GridAxis[] axes)
    {
        var index = new int[axes.Length];
        while (true)
        {
            yield return axes.Select((a, i) => (a, a.Choices[index[i]])).ToArray();
            int d = axes.Length - 1;
            while (d >= 0 && ++index[d] == axes[d].Choices.Count)
            {
                index[d--] = 0;
            }

            if (d < 0)
            {
                yield break;
            }
        }
    }

    private static Dictionary<string, string> Labels(ConfigNamespace config, (GridAxis Axis, GridChoice Choice)[] combination)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var folded = new Dictionary<string, List<string>>(StringComparer.Ordinal) { [AttackAxis] = new(), [DefenseAxis] = new() };
        foreach (var (axis, choice) in combination)
        {
            if (axis.Name == EngineParameters.RandomSeed.Key || NamingKeys.Contains(axis.Name))
            {
                // The seed has its own axis; an axis over the attack or defense name shows in that label already.
                continue;
            }

            if (!axis.IsNamed && !AttackerCountKeys.Contains(axis.Name) && FoldInto(axis.Section) is { } owner && !HasNamed(combination, owner))
            {
                folded[owner].Add($"{axis.Name}={choice.Label}");
                continue;
            }

            labels[axis.Name] = choice.Label;
            if (choice.Tuning is { } tuning)
            {
                labels[TuneAxis] = tuning;
            }
        }

        labels.TryAdd(AttackAxis, Enabled(config, EngineParameters.EnableAttack.Key, ConfigSections.Attack)
            ? WithDetails(Text(config, EngineParameters.AttackType.Key, ConfigSections.Attack), folded[AttackAxis])
            : "none");
        labels.TryAdd(DefenseAxis, Enabled(config, EngineParameters.EnableDefense.Key, ConfigSections.Defense)
            ? WithDetails(Text(config, EngineParameters.DefenseType.Key, ConfigSections.Defense), folded[DefenseAxis])
            : "none");
        labels[SeedAxis] = SeedOf(config).ToString(CultureInfo.InvariantCulture);
        return labels;
    }

    private static string? FoldInto(string? section) => section switch
    {
        ConfigSections.Attack => AttackAxis,
        ConfigSections.Defense => DefenseAxis,
        _ => null,
    };

    private static bool HasNamed((GridAxis Axis, GridChoice Choice)[] combination, string name) =>
        combination.Any(c => c.Axis.IsNamed && c.Axis.Name == name);

    private static string WithDetails(string name, List<string> details) =>
        details.Count == 0 ? name : $"{name}({string.Join(',', details)})";

    private static bool Enabled(ConfigNamespace config, string key, string section) =>
        config.Find(key, section)?.Value is string s && s.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

    private static string Text(ConfigNamespace config, string key, string section) => config.Find(key, section)?.Value switch
    {
        null => "none",
        string s => s,
        IEnumerable<object?> list => string.Join('+', list.Select(ConfigYamlWriter.FormatValue)),
        var other => ConfigYamlWriter.FormatValue(other),
    };

    private static long SeedOf(ConfigNamespace config) =>
        config.Find(EngineParameters.RandomSeed.Key, ConfigSections.Common)?.Value is string s
        && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long seed) ? seed : EngineParameters.RandomSeed.Default;
}
