using FedSec.Configuration;
using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>
/// The report's warning when one cell of the grid (every axis the same, the seed too) holds more than one run: runs of
/// another configuration in the same output directory (a grid entry or tune value changed since, a bench run with
/// <c>--set</c>, a merged share of another grid). The tables and figures group runs by their axes, so such runs would
/// be averaged as if they were seeds; the warning names the cells, their runs and the keys whose values differ.
/// </summary>
internal static class SharedCellNote
{
    private const int NamedCells = 3;
    private const int NamedKeys = 3;

    /// <summary>The warning, or null when every cell holds one run (a run standing in several cells counts in each once).</summary>
    public static string? Warning(IReadOnlyList<StoredRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var shared = runs.GroupBy(Cell, StringComparer.Ordinal)
            .Select(g => g.DistinctBy(r => r.RunKey).OrderBy(r => r.RunKey, StringComparer.Ordinal).ToArray())
            .Where(g => g.Length > 1)
            .OrderBy(g => g[0].Label, StringComparer.Ordinal)
            .ToArray();
        if (shared.Length == 0)
        {
            return null;
        }

        string cells = string.Join("; ", shared.Take(NamedCells).Select(Describe))
            + (shared.Length > NamedCells ? $"; and {shared.Length - NamedCells} more" : string.Empty);
        return $"{shared.Length} cell(s) hold more than one run with the same axes and seed, made from different configurations: {cells}. "
            + "The tables and figures average such runs as if they were separate seeds. Keep each variant in its own output directory, "
            + "or delete the runs the grid no longer makes ('fedsec bench GRID --output DIR --prune').";
    }

    private static string Cell(StoredRun run) =>
        string.Join("\n", run.Axes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));

    private static string Describe(StoredRun[] runs) => $"{runs[0].Label}: runs {string.Join(", ", runs.Select(r => r.RunKey))}, {How(runs)}";

    private static string How(StoredRun[] runs)
    {
        if (runs.Select(r => r.ConfigYaml).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            return "with the same configuration text";
        }

        var configs = runs.Select(Settings).ToArray();
        if (configs.Any(c => c is null))
        {
            return "with different configuration texts, not all readable as a configuration";
        }

        var differing = configs.SelectMany(c => c!.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(key => configs.Select(c => Value(c!, key)).Distinct(StringComparer.Ordinal).Count() > 1)
            .ToArray();
        return differing.Length == 0
            ? "whose configurations differ only in layout"
            : "differing in " + string.Join(", ", differing.Take(NamedKeys).Select(key => $"{key} ({string.Join(" / ", configs.Select(c => Value(c!, key)))})"))
                + (differing.Length > NamedKeys ? $" and {differing.Length - NamedKeys} more key(s)" : string.Empty);
    }

    private static string Value(IReadOnlyDictionary<string, string> settings, string key) => settings.GetValueOrDefault(key) ?? "unset";

    // Every key of the run's stored configuration with its value as YAML writes it; null when the text is not one.
    private static Dictionary<string, string>? Settings(StoredRun run)
    {
        try
        {
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in ConfigReader.Parse(run.ConfigYaml, $"run {run.RunKey}").Entries)
            {
                settings[entry.QualifiedKey] = ConfigYamlWriter.FormatValue(entry.Value);
            }

            return settings;
        }
        catch (ConfigException)
        {
            return null;
        }
    }
}
