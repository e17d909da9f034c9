using System.Globalization;
using FedSec.Output;
using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>
/// The report's sentence on the FedSec builds that made the runs (<c>summary.json</c>'s <c>build</c>: version and
/// commit). A grid resumed across sessions is often made by several builds, which is harmless when the code between
/// them leaves its runs' numbers alone; since a run's key is its settings and not the code, the sentence names the
/// builds and how many runs each made, so a reader can tell which code made a number and re-run what a fix changed.
/// </summary>
internal static class BuildNote
{
    /// <summary>The sentence, starting with a space; empty when no run recorded its build.</summary>
    public static string For(IReadOnlyList<StoredRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var distinct = runs.DistinctBy(r => r.RunKey).ToList();
        var builds = distinct.Where(r => r.Build is not null).GroupBy(r => r.Build!)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (builds.Count == 0)
        {
            return string.Empty;
        }

        int unknown = distinct.Count(r => r.Build is null);
        string without = unknown == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; {unknown} run(s) stored before builds were recorded");
        string counts = string.Join(", ", builds.Select(g => string.Create(CultureInfo.InvariantCulture, $"{FedSecBuild.Short(g.Key)} ({g.Count()} run(s))")));
        return builds.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $" Made by fedsec {FedSecBuild.Short(builds[0].Key)} ({builds[0].Count()} run(s){without}).")
            : string.Create(CultureInfo.InvariantCulture, $" Made by {builds.Count} fedsec builds: {counts}{without}; a run's key is its settings, not the code, so runs a change between them affects are made again with 'fedsec bench GRID --only ... --rerun'.");
    }
}
