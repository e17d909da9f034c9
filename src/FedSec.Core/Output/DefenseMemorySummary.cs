namespace FedSec.Output;

/// <summary>A defense's memory over a run (<c>summary.json</c>'s <c>defense_memory</c>), from its rounds' <see cref="Simulation.DefenseMemory"/>.</summary>
/// <param name="Defense">The defense's name.</param>
/// <param name="FinalStateBytes">The bytes it kept across rounds after the last round it ran.</param>
/// <param name="PeakStateBytes">The most it kept after any round.</param>
/// <param name="PeakAllocatedBytes">Its largest scratch of a round (a measurement: see <see cref="Simulation.DefenseMemory.AllocatedBytes"/>).</param>
public sealed record DefenseMemorySummary(string Defense, long FinalStateBytes, long PeakStateBytes, long PeakAllocatedBytes)
{
    /// <summary>The summaries of the defenses in <paramref name="rounds"/>, in the order they first ran; null when none ran.</summary>
    public static IReadOnlyList<DefenseMemorySummary>? Of(IEnumerable<Simulation.RoundRecord> rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var byDefense = new Dictionary<string, DefenseMemorySummary>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var m in rounds.SelectMany(r => r.DefenseMemory ?? []))
        {
            if (byDefense.TryGetValue(m.Name, out var s))
            {
                byDefense[m.Name] = new DefenseMemorySummary(m.Name, m.StateBytes, Math.Max(s.PeakStateBytes, m.StateBytes), Math.Max(s.PeakAllocatedBytes, m.AllocatedBytes));
            }
            else
            {
                order.Add(m.Name);
                byDefense[m.Name] = new DefenseMemorySummary(m.Name, m.StateBytes, m.StateBytes, m.AllocatedBytes);
            }
        }

        return order.Count == 0 ? null : order.Select(n => byDefense[n]).ToArray();
    }
}
