using System.Text.Json;
using FedSec.Output;
using FedSec.Simulation;

namespace FedSec.Network.Tests.TestSupport;

/// <summary>
/// Round records as the lines a distributed run and its simulation must share: without timings, and without what only
/// a distributed run records (the dropped clients, where the attack ran).
/// </summary>
internal static class ComparableRounds
{
    /// <summary>One JSON line per record.</summary>
    public static string[] Lines(IEnumerable<RoundRecord> records) =>
        records.Select(r => JsonSerializer.Serialize(r.WithoutTimings() with { Dropped = null, AttackRanAt = null }, JsonOptions.Lines)).ToArray();
}
