using System.Text.Json;
using FedSec.Output;
using FedSec.Results.Database;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Results.Tests.Database;

/// <summary>Writes a run directory the way <c>fedsec run --output DIR</c> does: summary.json and rounds.jsonl.</summary>
internal static class RunDirectoryWriter
{
    /// <summary>A grid run of seed 0 without attack or defense, under <paramref name="key"/>.</summary>
    public static GridRun PlainRun(string key) => new(
        key,
        "attack=none defense=none seed=0",
        new Dictionary<string, string> { ["attack"] = "none", ["defense"] = "none", ["seed"] = "0" },
        0,
        "common_args:\n  random_seed: 0\n");

    public static RunSummary Summary(int rounds, double? finalAccuracy, params DefenseDetectionSummary[] detection) => new()
    {
        Seed = 0,
        Dataset = "mnist",
        Model = "cnn",
        Attack = "byzantine",
        Defenses = ["krum"],
        Rounds = rounds,
        MaliciousClients = [3],
        FinalAccuracy = finalAccuracy,
        BestAccuracy = finalAccuracy,
        FinalLoss = 0.5,
        Detection = detection,
        Seconds = 1.5,
    };

    public static RoundRecord Round(int round, double accuracy, params DefenseRoundReport[] defenses) => new()
    {
        Round = round,
        Accuracy = accuracy,
        Loss = 1 - accuracy,
        TrainLoss = 2 - accuracy,
        Seconds = 0.5,
        Sampled = [0, 1, 2, 3],
        AttackActive = true,
        Attacked = [3],
        Defenses = defenses,
        Metrics = new Dictionary<string, double> { ["attack_success_rate"] = accuracy / 2 },
    };

    public static void Write(string directory, RunSummary summary, IEnumerable<RoundRecord> rounds)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "summary.json"), JsonSerializer.Serialize(summary, JsonOptions.Indented));
        File.WriteAllLines(Path.Combine(directory, "rounds.jsonl"), rounds.Select(r => JsonSerializer.Serialize(r, JsonOptions.Lines)));
        File.WriteAllText(Path.Combine(directory, "config.yaml"), "common_args:\n  random_seed: 0\n");
    }

    public static DefenseRoundReport Krum(int tp, int fp, int fn, int tn)
    {
        var verdicts = Enumerable.Range(0, tp + fp + fn + tn).Select(i => new ClientVerdict(i, i < tp + fp ? VerdictKind.Removed : VerdictKind.Kept)).ToArray();
        return new DefenseRoundReport("krum", DefenseStage.Before, verdicts, new DetectionCounts(tp, fp, fn, tn));
    }
}
