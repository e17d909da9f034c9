using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>
/// <c>fedsec report --only AXIS=V1,V2</c>: keeps the runs whose grid axis holds one of the listed values (every
/// <c>--only</c> must hold). E.g. <c>--only attack=none,alie --only defense=krum</c>, or a facet axis such as
/// <c>--only malicious=10%</c>.
/// </summary>
internal sealed class RunFilter
{
    private readonly IReadOnlyList<(string Axis, HashSet<string> Values)> _conditions;

    private RunFilter(IReadOnlyList<(string Axis, HashSet<string> Values)> conditions) => _conditions = conditions;

    /// <summary>Keeps every run.</summary>
    public static RunFilter All { get; } = new(Array.Empty<(string, HashSet<string>)>());

    /// <summary>True when no condition is set.</summary>
    public bool IsEmpty => _conditions.Count == 0;

    /// <summary>Parses <c>AXIS=V1,V2</c> specifications.</summary>
    /// <exception cref="RunFilterException">A specification is not <c>AXIS=VALUES</c>; the message quotes it.</exception>
    public static RunFilter Parse(IEnumerable<string> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var conditions = new List<(string, HashSet<string>)>();
        foreach (string spec in specs)
        {
            int eq = spec.IndexOf('=', StringComparison.Ordinal);
            var values = eq < 0 ? Array.Empty<string>() : spec[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (eq <= 0 || values.Length == 0)
            {
                throw new RunFilterException($"--only '{spec}' is not AXIS=VALUE[,VALUE...], e.g. --only attack=none,alie.");
            }

            conditions.Add((spec[..eq].Trim(), values.ToHashSet(StringComparer.Ordinal)));
        }

        return new RunFilter(conditions);
    }

    /// <summary>The results restricted to the runs that pass, with their rounds, detection and reconstructions.</summary>
    /// <exception cref="RunFilterException">An axis no run has, or a value no run holds; the message lists what there is.</exception>
    public StoredResults Apply(StoredResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (IsEmpty)
        {
            return results;
        }

        foreach (var (axis, values) in _conditions)
        {
            var present = results.Runs.SelectMany(r => ValuesOf(r, axis)).ToHashSet(StringComparer.Ordinal);
            if (present.Count == 0)
            {
                var axes = results.Runs.SelectMany(r => r.Axes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
                throw new RunFilterException($"--only {axis}=...: no run has the axis '{axis}'; the axes are {string.Join(", ", axes)}.");
            }

            var missing = values.Where(v => !present.Contains(v)).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new RunFilterException($"--only {axis}=...: no run has {axis} = {string.Join(", ", missing)}; the values are {string.Join(", ", present.Order(StringComparer.Ordinal))}.");
            }
        }

        var runs = results.Runs.Where(r => _conditions.All(c => ValuesOf(r, c.Axis).Any(c.Values.Contains))).ToList();
        var keys = runs.Select(r => r.RunKey).ToHashSet(StringComparer.Ordinal);
        return new StoredResults(
            runs,
            results.Rounds.Where(r => keys.Contains(r.RunKey)).ToList(),
            results.Detection.Where(r => keys.Contains(r.RunKey)).ToList(),
            results.RoundDetection.Where(r => keys.Contains(r.RunKey)).ToList(),
            results.Reconstructions.Where(r => keys.Contains(r.RunKey)).ToList());
    }

    // A run's value of an axis; for a tuned defense also its name without the tuned values, so that
    // --only defense=trimmed_mean keeps every candidate of that defense.
    private static IEnumerable<string> ValuesOf(StoredRun run, string axis)
    {
        if (!run.Axes.TryGetValue(axis, out var value))
        {
            yield break;
        }

        yield return value;
        if (axis == FedSec.Results.Grid.GridExpander.DefenseAxis && WorstCaseSelection.DefenseOf(run) is var family && family != value)
        {
            yield return family;
        }
    }

    /// <summary>E.g. "attack ∈ {none, alie}; defense ∈ {krum}".</summary>
    public override string ToString() =>
        string.Join("; ", _conditions.Select(c => $"{c.Axis} ∈ {{{string.Join(", ", c.Values.Order(StringComparer.Ordinal))}}}"));
}
