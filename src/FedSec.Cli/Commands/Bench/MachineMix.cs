using System.Globalization;

namespace FedSec.Cli.Commands.Bench;

/// <summary>
/// A grid whose stored runs trained on another machine than this bench's (<see cref="Output.FedSecMachine"/>): one
/// build with one seed can end in other last digits on another processor or vector level, and the run key does not
/// say which, so a resume or a merged share made elsewhere mixes machines. Not an error: each run is still a valid draw
/// of the experiment, but it is not the number this machine would give.
/// </summary>
internal static class MachineMix
{
    /// <summary>The warning, or null when every stored run that recorded its machine trained on <paramref name="machine"/>.</summary>
    public static string? Warning(IReadOnlyDictionary<string, int> storedCounts, string machine)
    {
        ArgumentNullException.ThrowIfNull(storedCounts);
        ArgumentNullException.ThrowIfNull(machine);
        var others = storedCounts.Where(kv => kv.Key != machine).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
        if (others.Length == 0)
        {
            return null;
        }

        string stored = string.Join("; and ", others.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Value} on \"{kv.Key}\"")));
        return $"stored runs trained on other machines ({stored}) than this one (\"{machine}\"): libtorch and FedSec's float sums pick their vector instructions by the processor, so the same build and seed can end in other last digits there. The grid mixes machines; to pin libtorch's kernels on every machine, set ATEN_CPU_CAPABILITY to a level they all have (e.g. avx2) before each share and resume.";
    }
}
