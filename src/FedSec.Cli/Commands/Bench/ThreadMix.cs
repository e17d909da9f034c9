using System.Globalization;

namespace FedSec.Cli.Commands.Bench;

/// <summary>
/// A grid whose stored runs ran on other tensor thread counts than this bench's <c>--threads</c>: the numbers depend on
/// the count and the run key does not, so a resume or a merged share with another count mixes two settings.
/// </summary>
internal static class ThreadMix
{
    /// <summary>The warning, or null when every stored run that recorded its count ran on <paramref name="threads"/>.</summary>
    public static string? Warning(IReadOnlyDictionary<int, int> storedCounts, int threads)
    {
        ArgumentNullException.ThrowIfNull(storedCounts);
        var others = storedCounts.Where(kv => kv.Key != threads).OrderBy(kv => kv.Key).ToArray();
        if (others.Length == 0)
        {
            return null;
        }

        string stored = string.Join(", ", others.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Value} with --threads {kv.Key}")));
        return $"stored runs ran on other tensor thread counts ({stored}) than this bench's --threads {threads}: the numbers depend on it and the run key does not, so the grid mixes settings. Give every share and every resume the same --threads.";
    }
}
