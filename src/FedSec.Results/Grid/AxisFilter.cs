namespace FedSec.Results.Grid;

/// <summary>
/// <c>--only AXIS=V1,V2</c> (of <c>fedsec bench</c> and <c>fedsec report</c>): keeps the runs whose grid axis holds one
/// of the listed values; every <c>--only</c> must hold. E.g. <c>--only attack=none,alie --only defense=krum</c>, or
/// <c>--only seed=0</c>, or a facet axis such as <c>--only malicious=10%</c>. A tuned defense matches its own label
/// (<c>trimmed_mean(beta=0.2)</c>) and its name (<c>trimmed_mean</c>, every candidate).
/// </summary>
public sealed class AxisFilter
{
    private readonly IReadOnlyList<(string Axis, HashSet<string> Values)> _conditions;

    private AxisFilter(IReadOnlyList<(string Axis, HashSet<string> Values)> conditions) => _conditions = conditions;

    /// <summary>Keeps every run.</summary>
    public static AxisFilter All { get; } = new(Array.Empty<(string, HashSet<string>)>());

    /// <summary>True when no condition is set.</summary>
    public bool IsEmpty => _conditions.Count == 0;

    /// <summary>Parses <c>AXIS=V1,V2</c> specifications.</summary>
    /// <exception cref="AxisFilterException">A specification is not <c>AXIS=VALUES</c>; the message quotes it.</exception>
    public static AxisFilter Parse(IEnumerable<string> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var conditions = new List<(string, HashSet<string>)>();
        foreach (string spec in specs)
        {
            int eq = spec.IndexOf('=', StringComparison.Ordinal);
            var values = eq < 0 ? Array.Empty<string>() : spec[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (eq <= 0 || values.Length == 0)
            {
                throw new AxisFilterException($"--only '{spec}' is not AXIS=VALUE[,VALUE...], e.g. --only attack=none,alie.");
            }

            conditions.Add((spec[..eq].Trim(), values.ToHashSet(StringComparer.Ordinal)));
        }

        return new AxisFilter(conditions);
    }

    /// <summary>Whether a run with these grid axes passes every condition.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        return _conditions.All(c => ValuesOf(axes, c.Axis).Any(c.Values.Contains));
    }

    /// <summary>
    /// Checks the conditions against the runs there are (their axes): an axis no run has, or a value no run holds, is
    /// a mistake, not an empty selection.
    /// </summary>
    /// <exception cref="AxisFilterException">The message names the axis or the values and lists what there is.</exception>
    public void Check(IEnumerable<IReadOnlyDictionary<string, string>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var all = runs.ToList();
        foreach (var (axis, values) in _conditions)
        {
            var present = all.SelectMany(r => ValuesOf(r, axis)).ToHashSet(StringComparer.Ordinal);
            if (present.Count == 0)
            {
                var axes = all.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
                throw new AxisFilterException($"--only {axis}=...: no run has the axis '{axis}'; the axes are {string.Join(", ", axes)}.");
            }

            var missing = values.Where(v => !present.Contains(v)).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new AxisFilterException($"--only {axis}=...: no run has {axis} = {string.Join(", ", missing)}; the values are {string.Join(", ", present.Order(StringComparer.Ordinal))}.");
            }
        }
    }

    /// <summary>E.g. "attack ∈ {none, alie}; defense ∈ {krum}".</summary>
    public override string ToString() =>
        string.Join("; ", _conditions.Select(c => $"{c.Axis} ∈ {{{string.Join(", ", c.Values.Order(StringComparer.Ordinal))}}}"));

    // A run's value of an axis; for a tuned defense also its name without the tuned values.
    private static IEnumerable<string> ValuesOf(IReadOnlyDictionary<string, string> axes, string axis)
    {
        if (!axes.TryGetValue(axis, out var value))
        {
            yield break;
        }

        yield return value;
        if (axis == GridExpander.DefenseAxis && GridTuning.Family(value, axes.GetValueOrDefault(GridExpander.TuneAxis)) is var family && family != value)
        {
            yield return family;
        }
    }
}
