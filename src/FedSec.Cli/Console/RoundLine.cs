using System.Globalization;
using FedSec.Simulation;

namespace FedSec.Cli.Console;

/// <summary>The line a distributed server prints per round: accuracy, who reported, who dropped, each defense's flags.</summary>
internal static class RoundLine
{
    public static string Of(RoundRecord record, int totalRounds)
    {
        ArgumentNullException.ThrowIfNull(record);
        string acc = record.Accuracy is { } a ? $"accuracy {a.ToString("P2", CultureInfo.InvariantCulture)}" : "not evaluated";
        int dropped = record.Dropped?.Count ?? 0;
        var parts = new List<string>
        {
            $"Round {record.Round + 1}/{totalRounds}: {acc}",
            $"{record.Sampled.Count - dropped} of {record.Sampled.Count} clients reported",
            dropped == 0 ? "none dropped" : "dropped " + string.Join(", ", record.Dropped!.Select(d => d.Client)),
        };
        foreach (var d in record.Defenses.Where(d => d.Verdicts.Count > 0))
        {
            var flagged = d.Verdicts.Where(v => v.Flagged && v.ClientId >= 0).Select(v => v.ClientId).ToList();
            parts.Add($"{d.Name} flagged {(flagged.Count == 0 ? "none" : string.Join(", ", flagged))}");
        }

        if (record.Attacked.Count > 0)
        {
            parts.Add($"attacked by {string.Join(", ", record.Attacked)}");
        }

        parts.Add($"{record.Seconds.ToString("F1", CultureInfo.InvariantCulture)} s");
        return string.Join("; ", parts) + (record.Diverged is { } div ? $"; diverged: {div.Reason}" : string.Empty);
    }
}
