using System.Text.Json;
using FedSec.Output;
using FedSec.Simulation;

namespace FedSec.Cli.Tests.TestSupport;

/// <summary>Writes the result files of a finished one-round run into a run directory, as <c>fedsec run</c> does.</summary>
internal static class FinishedRunFiles
{
    public static void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var summary = new RunSummary { Seed = 0, Dataset = "mnist", Model = "cnn", Attack = "none", Defenses = [], Rounds = 1, MaliciousClients = [], FinalAccuracy = 0.5, BestAccuracy = 0.5 };
        var round = new RoundRecord { Round = 0, Accuracy = 0.5, Loss = 1, Sampled = [0], Attacked = [] };
        File.WriteAllText(Path.Combine(directory, "summary.json"), JsonSerializer.Serialize(summary, JsonOptions.Indented));
        File.WriteAllText(Path.Combine(directory, "rounds.jsonl"), JsonSerializer.Serialize(round, JsonOptions.Lines) + "\n");
    }
}
