using System.Globalization;
using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>
/// The memory of each defense: the bytes it kept across rounds at the end of the run and at most, and its largest scratch
/// of a round (allocated bytes on the server's thread during its call, an upper bound on its managed scratch, a
/// measurement), summed over a defense chain, mean over the runs (seeds, attacks) of each defense. Only runs that
/// recorded it (with a defense, stored after it was recorded) count; no table when none did.
/// </summary>
internal static class MemoryTable
{
    public static ReportTable? For(Facet facet, string id)
    {
        var rows = facet.Runs
            .Where(r => r.DefenseStateBytes is not null)
            .GroupBy(r => r.Defense)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<ReportCell>)new ReportCell[]
            {
                g.Key,
                Bytes(g.Average(r => (double)r.DefenseStateBytes!.Value)),
                Bytes(g.Average(r => (double)(r.DefensePeakStateBytes ?? 0))),
                Bytes(g.Average(r => (double)(r.DefensePeakAllocatedBytes ?? 0))),
                g.Count().ToString(CultureInfo.InvariantCulture),
            })
            .ToArray();
        if (rows.Length == 0)
        {
            return null;
        }

        string suffix = facet.Label.Length == 0 ? string.Empty : $" ({facet.Label})";
        return new ReportTable(
            id,
            $"Memory of defenses{suffix}",
            "State: the bytes of the arrays a defense keeps for later rounds (exact), after the last round and at most. Scratch: the managed bytes allocated on the server's thread during its call plus reused round buffers, the largest of a round (an upper bound on its managed scratch; a measurement that varies a little between runs). Summed over a defense chain; mean over runs.",
            ["defense", "state at the end", "peak state", "peak scratch", "runs"],
            rows);
    }

    /// <summary>A byte count in B, KiB, MiB or GiB with one decimal (binary units).</summary>
    internal static string Bytes(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB"];
        int unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes.ToString("F0", CultureInfo.InvariantCulture)} B" : $"{bytes.ToString("F1", CultureInfo.InvariantCulture)} {units[unit]}";
    }
}
