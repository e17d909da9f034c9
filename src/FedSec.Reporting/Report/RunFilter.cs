using FedSec.Results.Database;
using FedSec.Results.Grid;

namespace FedSec.Reporting.Report;

/// <summary>
/// <c>fedsec report --only AXIS=V1,V2</c>: the stored results restricted to the runs an <see cref="AxisFilter"/> keeps,
/// with their rounds, detection and reconstructions.
/// </summary>
internal sealed class RunFilter
{
    private readonly AxisFilter _filter;

    private RunFilter(AxisFilter filter) => _filter = filter;

    /// <summary>Keeps every run.</summary>
    public static RunFilter All { get; } = new(AxisFilter.All);

    /// <summary>True when no condition is set.</summary>
    public bool IsEmpty => _filter.IsEmpty;

    /// <summary>Parses <c>AXIS=V1,V2</c> specifications.</summary>
    /// <exception cref="AxisFilterException">A specification is not <c>AXIS=VALUES</c>; the message quotes it.</exception>
    public static RunFilter Parse(IEnumerable<string> specs) => new(AxisFilter.Parse(specs));

    /// <summary>The results restricted to the runs that pass, with their rounds, detection and reconstructions.</summary>
    /// <exception cref="AxisFilterException">An axis no run has, or a value no run holds; the message lists what there is.</exception>
    public StoredResults Apply(StoredResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (IsEmpty)
        {
            return results;
        }

        _filter.Check(results.Runs.Select(r => r.Axes));
        var runs = results.Runs.Where(r => _filter.Matches(r.Axes)).ToList();
        var keys = runs.Select(r => r.RunKey).ToHashSet(StringComparer.Ordinal);
        return new StoredResults(
            runs,
            results.Rounds.Where(r => keys.Contains(r.RunKey)).ToList(),
            results.Detection.Where(r => keys.Contains(r.RunKey)).ToList(),
            results.RoundDetection.Where(r => keys.Contains(r.RunKey)).ToList(),
            results.Reconstructions.Where(r => keys.Contains(r.RunKey)).ToList());
    }

    /// <summary>E.g. "attack ∈ {none, alie}; defense ∈ {krum}".</summary>
    public override string ToString() => _filter.ToString();
}
