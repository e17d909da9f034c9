using System.Globalization;
using FedSec.Reporting.Report;
using FedSec.Results.Database;

namespace FedSec.Reporting.Tests.Report;

/// <summary>Stored runs and rounds of backdoor runs, for the durability tables' tests.</summary>
internal static class DurabilityRuns
{
    /// <summary>Rounds 0..n−1, the attack active in rounds 0..stop, ASR from <paramref name="asr"/> (null: not evaluated).</summary>
    public static StoredRound[] Rounds(string key, int stop, params double?[] asr) =>
        asr.Select((a, i) => new StoredRound(
            key, i, 0.9, 0.3, 0.2, 1, i <= stop, [0, 1], i <= stop ? [0] : [],
            a is { } v ? new Dictionary<string, double> { [ResultIndex.AttackSuccessRate] = v } : new Dictionary<string, double>())).ToArray();

    /// <summary>A run of <paramref name="attack"/> against <paramref name="defense"/> with <paramref name="seed"/>.</summary>
    public static StoredRun Run(string key, string attack, string defense, long seed) => new(
        key,
        key,
        new Dictionary<string, string> { ["attack"] = attack, ["defense"] = defense, ["seed"] = seed.ToString(CultureInfo.InvariantCulture) },
        seed, string.Empty, string.Empty, "mnist", "cnn", 6, 0.9, 0.9, 0.3, new Dictionary<string, double>(), 1, 1, string.Empty);

    /// <summary>The one facet of <paramref name="runs"/> and its runs' measured durabilities, as the report computes them.</summary>
    public static (Facet Facet, MeasuredRun[] Measured) Measure(StoredRun[] runs, StoredResults results)
    {
        var facet = Facet.Split(runs).Single();
        return (facet, BackdoorDurability.Measured(facet, new ResultIndex(results, ".")));
    }
}
