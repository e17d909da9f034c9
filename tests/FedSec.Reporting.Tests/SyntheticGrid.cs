using System.Globalization;
using System.Text.Json;
using FedSec.Output;
using FedSec.Results.Database;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Reporting.Tests;

/// <summary>
/// A small grid written as real run directories (summary.json, rounds.jsonl) and ingested into results.db.
/// Accuracy of a run at round r (0-based) is <c>Base(attack, defense) + 0.1·r + 0.02·seed</c>.
/// Runs with attack "backdoor" report attack_success_rate = 0.5 − 0.1·r + 0.1·seed; runs with defense "krum"
/// have detection counts TP = 1 + seed, FP = 1, FN = 1 − seed, TN = 7; runs with defense "dp" report epsilon = 0.5·(r + 1) + seed. A run chosen by <c>diverges</c> stops diverged
/// in round 1 (0-based) with accuracy <see cref="DivergedAccuracy"/> there.
/// </summary>
internal static class SyntheticGrid
{
    public const int Rounds = 3;

    public const double DivergedAccuracy = 0.098;

    public static double Base(string attack, string defense) => (attack, defense) switch
    {
        ("none", "none") => 0.70,
        ("none", _) => 0.68,
        (_, "none") => 0.40,
        _ => 0.60,
    };

    public static ResultsDatabase Build(string outputDirectory, string[] attacks, string[] defenses, int seeds, IReadOnlyDictionary<string, string>? extraAxes = null, int keyOffset = 0, Func<string, string, int, bool>? diverges = null)
    {
        var db = ResultsDatabase.Open(Path.Combine(outputDirectory, ResultsDatabase.FileName));
        int n = 0;
        foreach (string attack in attacks)
        {
            foreach (string defense in defenses)
            {
                for (int seed = 0; seed < seeds; seed++)
                {
                    var axes = new Dictionary<string, string> { ["attack"] = attack, ["defense"] = defense, ["seed"] = seed.ToString(CultureInfo.InvariantCulture) };
                    foreach (var (k, v) in extraAxes ?? new Dictionary<string, string>())
                    {
                        axes[k] = v;
                    }

                    string key = (keyOffset + n++).ToString("x16", CultureInfo.InvariantCulture);
                    string dir = Path.Combine(outputDirectory, "runs", key);
                    WriteRun(dir, attack, defense, seed, diverges?.Invoke(attack, defense, seed) ?? false);
                    db.Ingest(new GridRun(key, string.Join(" ", axes.Select(a => $"{a.Key}={a.Value}")), axes, seed, "x: 1\n"), dir, 1.0);
                }
            }
        }

        return db;
    }

    public static double Accuracy(string attack, string defense, int seed, int round) => Base(attack, defense) + (0.1 * round) + (0.02 * seed);

    private static void WriteRun(string dir, string attack, string defense, int seed, bool diverges)
    {
        Directory.CreateDirectory(dir);
        var rounds = new List<RoundRecord>();
        var divergence = diverges ? new Divergence(1, DivergenceStage.LocalTraining, 2, "client 2's local training produced NaN at w[0]") : null;
        for (int r = 0; r < (diverges ? 2 : Rounds); r++)
        {
            var metrics = new Dictionary<string, double>();
            if (attack == "backdoor")
            {
                metrics["attack_success_rate"] = 0.5 - (0.1 * r) + (0.1 * seed);
            }

            if (defense == "dp")
            {
                metrics["epsilon"] = (0.5 * (r + 1)) + seed;
            }

            var defenseReports = defense == "krum"
                ? new[] { new DefenseRoundReport("krum", DefenseStage.Before, [new ClientVerdict(0, VerdictKind.Removed)], new DetectionCounts(1, 0, 0, 3)) }
                : Array.Empty<DefenseRoundReport>();
            rounds.Add(new RoundRecord
            {
                Round = r,
                Accuracy = divergence is not null && r == 1 ? DivergedAccuracy : Accuracy(attack, defense, seed, r),
                Loss = 1,
                TrainLoss = 1,
                Seconds = 0.1,
                Sampled = [0, 1, 2, 3],
                AttackActive = attack != "none",
                Attacked = attack != "none" ? [0] : [],
                Defenses = defenseReports,
                Metrics = metrics,
                Diverged = divergence is not null && r == 1 ? divergence : null,
            });
        }

        var detection = defense == "krum"
            ? new[] { new DefenseDetectionSummary("krum", 1 + seed, 1, 1 - seed, 7, (1.0 + seed) / (2 + seed), (1.0 + seed) / 2) }
            : Array.Empty<DefenseDetectionSummary>();
        var summary = new RunSummary
        {
            Seed = seed,
            Dataset = "mnist",
            Model = "cnn",
            Attack = attack,
            Defenses = defense == "none" ? [] : [defense],
            Rounds = rounds.Count,
            Status = divergence is null ? RunStatus.Completed : RunStatus.Diverged,
            Diverged = divergence,
            MaliciousClients = attack == "none" ? [] : [0],
            FinalAccuracy = rounds[^1].Accuracy,
            BestAccuracy = rounds[^1].Accuracy,
            FinalLoss = 1,
            FinalMetrics = rounds[^1].Metrics,
            Detection = detection,
            Seconds = 0.3,
        };
        File.WriteAllText(Path.Combine(dir, "summary.json"), JsonSerializer.Serialize(summary, JsonOptions.Indented));
        File.WriteAllLines(Path.Combine(dir, "rounds.jsonl"), rounds.Select(r => JsonSerializer.Serialize(r, JsonOptions.Lines)));
    }
}
