using System.Globalization;
using FedSec.Results.Database;
using FedSec.Results.Grid;

namespace FedSec.Reporting.Tests.Report;

/// <summary>Runs held in memory with a whole accuracy curve each, for the measures that read every round.</summary>
internal static class CurveRuns
{
    /// <summary>A run of <paramref name="attack"/> × <paramref name="defense"/> (tuned to <paramref name="tune"/>) at <paramref name="seed"/>.</summary>
    public static StoredRun Run(string attack, string defense, string? tune, long seed, double?[] curve)
    {
        var axes = new Dictionary<string, string>
        {
            ["attack"] = attack,
            ["defense"] = tune is null ? defense : GridTuning.Label(defense, tune),
            ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
        };
        if (tune is not null)
        {
            axes[GridExpander.TuneAxis] = tune;
        }

        string key = $"{attack}|{axes["defense"]}|{seed}";
        double? final = curve.LastOrDefault(a => a is not null);
        return new StoredRun(key, GridExpander.Describe(axes), axes, seed, string.Empty, string.Empty, "mnist", "lenet5", curve.Length, final, curve.Max(), 1, new Dictionary<string, double>(), 1, 1, string.Empty);
    }

    /// <summary>The runs' rounds by run key, one per entry of its curve (null: not evaluated that round).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<StoredRound>> Rounds(params (StoredRun Run, double?[] Curve)[] runs) =>
        runs.ToDictionary(
            r => r.Run.RunKey,
            r => (IReadOnlyList<StoredRound>)r.Curve.Select((a, i) => new StoredRound(r.Run.RunKey, i, a, 1, 1, 0.1, true, [0, 1], [0], new Dictionary<string, double>())).ToArray(),
            StringComparer.Ordinal);
}
