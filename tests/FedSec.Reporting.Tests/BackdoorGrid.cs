using System.Globalization;
using System.Text.Json;
using FedSec.Output;
using FedSec.Results.Database;
using FedSec.Simulation;

namespace FedSec.Reporting.Tests;

/// <summary>
/// Backdoor runs that stop attacking before their end, written as run directories and ingested into an output
/// directory's results.db: rounds 0..n−1, the attack active in rounds 0 and 1, the attack success rate of each round given.
/// </summary>
internal static class BackdoorGrid
{
    /// <summary>The configuration of a backdoor's control run.</summary>
    public const string ControlYaml = "attack_args:\n  attack_type: backdoor\n  trigger_only: true\n";

    /// <summary>The configuration of a backdoor run.</summary>
    public const string BackdoorYaml = "attack_args:\n  attack_type: backdoor\n";

    /// <summary>The last round the attack is active.</summary>
    public const int StopRound = 1;

    /// <summary>Adds a run of <paramref name="attack"/> against <paramref name="defense"/> with <paramref name="seed"/> to <paramref name="outputDirectory"/>'s database.</summary>
    public static void Add(string outputDirectory, string attack, string defense, int seed, string configYaml, params double[] asr)
    {
        var axes = new Dictionary<string, string> { ["attack"] = attack, ["defense"] = defense, ["seed"] = seed.ToString(CultureInfo.InvariantCulture) };
        string label = string.Join(" ", axes.Select(a => $"{a.Key}={a.Value}"));
        string key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(label + configYaml)))[..16].ToLowerInvariant();
        string dir = Path.Combine(outputDirectory, "runs", key);
        Directory.CreateDirectory(dir);
        var rounds = asr.Select((a, r) => new RoundRecord
        {
            Round = r,
            Accuracy = 0.9,
            Loss = 1,
            TrainLoss = 1,
            Seconds = 0.1,
            Sampled = [0, 1, 2, 3],
            AttackActive = r <= StopRound,
            Attacked = r <= StopRound ? [0] : [],
            Metrics = new Dictionary<string, double> { ["attack_success_rate"] = a },
        }).ToList();
        var summary = new RunSummary
        {
            Seed = seed,
            Dataset = "fashion_mnist",
            Model = "lenet5",
            Attack = attack,
            Defenses = defense == "none" ? [] : [defense],
            Rounds = rounds.Count,
            Status = RunStatus.Completed,
            MaliciousClients = [0],
            FinalAccuracy = 0.9,
            BestAccuracy = 0.9,
            FinalLoss = 1,
            FinalMetrics = rounds[^1].Metrics,
            Seconds = 0.4,
        };
        File.WriteAllText(Path.Combine(dir, "summary.json"), JsonSerializer.Serialize(summary, JsonOptions.Indented));
        File.WriteAllLines(Path.Combine(dir, "rounds.jsonl"), rounds.Select(r => JsonSerializer.Serialize(r, JsonOptions.Lines)));
        using var db = ResultsDatabase.Open(Path.Combine(outputDirectory, ResultsDatabase.FileName));
        db.Ingest(new GridRun(key, label, axes, seed, configYaml), dir, 1.0);
    }
}
