using System.Text.Json.Nodes;

namespace FedSec.Network.Tests.TestSupport;

/// <summary>
/// A run directory's rounds.jsonl, as the simulation writes it: every field but the timings (the round's seconds, each
/// defense's allocated bytes) and the network's own.
/// </summary>
internal static class RunFiles
{
    /// <summary>The fields only a distributed run writes (who dropped, where the attack ran).</summary>
    public static readonly string[] NetworkOnly = ["dropped", "attack_ran_at"];

    public static string[] Rounds(string runDirectory)
    {
        return File.ReadAllLines(Path.Combine(runDirectory, "rounds.jsonl")).Select(line =>
        {
            var record = JsonNode.Parse(line)!.AsObject();
            record.Remove("seconds");
            if (record["defense_memory"] is JsonArray memory)
            {
                foreach (var defense in memory)
                {
                    defense!.AsObject().Remove("allocated_bytes");
                }
            }
            foreach (string key in NetworkOnly)
            {
                record.Remove(key);
            }

            return record.ToJsonString();
        }).ToArray();
    }

    public static JsonObject[] RawRounds(string runDirectory) =>
        File.ReadAllLines(Path.Combine(runDirectory, "rounds.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject()).ToArray();
}
