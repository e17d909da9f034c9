using System.Globalization;
using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>
/// The report's sentence on the data the runs were made on: per data set, its fingerprint (the SHA-256 of the whole set
/// as loaded, <c>summary.json</c>'s <c>data_fingerprint</c>), so a reader can compare it with their own run; and a
/// warning when one data set's runs were made on different data (another split of the same name, an edited copy),
/// whose numbers are then not comparable.
/// </summary>
internal static class DataFingerprintNote
{
    /// <summary>Digits of the hash shown (enough to tell data sets apart at a glance; the database keeps all 64).</summary>
    private const int ShownDigits = 12;

    /// <summary>The sentences, each starting with a space; empty when no run has a fingerprint.</summary>
    public static string For(IReadOnlyList<StoredRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var text = new System.Text.StringBuilder();
        foreach (var dataset in runs.DistinctBy(r => r.RunKey).GroupBy(r => r.Dataset).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var known = dataset.Where(r => r.DataFingerprint is not null).GroupBy(r => r.DataFingerprint!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            int unknown = dataset.Count(r => r.DataFingerprint is null);
            string without = unknown == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; {unknown} run(s) stored before fingerprints were recorded");
            if (known.Count == 1)
            {
                text.Append(CultureInfo.InvariantCulture, $" Data: {dataset.Key} {Short(known[0].Key)} ({known[0].Count()} run(s){without}).");
            }
            else if (known.Count > 1)
            {
                string versions = string.Join(", ", known.Select(g => string.Create(CultureInfo.InvariantCulture, $"{Short(g.Key)} ({g.Count()} run(s))")));
                text.Append(CultureInfo.InvariantCulture, $" WARNING: the {dataset.Key} runs were made on {known.Count} different data sets: {versions}{without}; their numbers are not comparable (see each run's summary.json, data_fingerprint).");
            }
        }

        return text.ToString();
    }

    private static string Short(string fingerprint) => FedSec.Data.DataFingerprint.Short(fingerprint, ShownDigits);
}
