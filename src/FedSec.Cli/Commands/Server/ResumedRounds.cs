using System.Text.Json;
using FedSec.Network.Checkpoints;
using FedSec.Output;
using FedSec.Simulation;

namespace FedSec.Cli.Commands.Server;

/// <summary>
/// The rounds a resumed server keeps: those its checkpoint completed. The round log is written before the checkpoint,
/// so a server killed between the two left one line more than its checkpoint counts; that round runs again (with the
/// same numbers) and its line is removed first, so rounds.jsonl never holds a round twice.
/// </summary>
internal static class ResumedRounds
{
    /// <summary>Reads the completed rounds' records and cuts <c>rounds.jsonl</c> back to them.</summary>
    public static IReadOnlyList<RoundRecord> Load(string roundsFile, ServerCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var lines = File.Exists(roundsFile) ? File.ReadAllLines(roundsFile).Where(l => l.Length > 0).ToList() : new List<string>();
        if (lines.Count < checkpoint.CompletedRounds)
        {
            throw new InvalidDataException($"{roundsFile} holds {lines.Count} rounds but the checkpoint completed {checkpoint.CompletedRounds}; the run directory was changed by hand and cannot be resumed.");
        }

        var kept = lines.Take(checkpoint.CompletedRounds).ToList();
        if (kept.Count < lines.Count)
        {
            string partial = roundsFile + ".partial";
            File.WriteAllLines(partial, kept);
            File.Move(partial, roundsFile, overwrite: true);
        }

        return kept.Select(l => JsonSerializer.Deserialize<RoundRecord>(l, JsonOptions.Lines)!).ToList();
    }
}
