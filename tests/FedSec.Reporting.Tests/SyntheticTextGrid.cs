using System.Globalization;
using System.Text.Json;
using FedSec.Output;
using FedSec.Results.Database;
using FedSec.Simulation;

namespace FedSec.Reporting.Tests;

/// <summary>
/// Language-model runs (sotu/gpt_neox) as Exp4's grid stores them: a named <c>setting</c> axis whose values each set
/// attack and defense. Test loss of a run at round r (0-based) is <c>Base(setting) − 0.1·r + 0.1·seed</c>, perplexity
/// exp(loss), next-token accuracy 0.2 + 0.01·r; a setting with attack <c>text_backdoor</c> reports attack_success_rate
/// = 0.25·(r + 1).
/// </summary>
internal static class SyntheticTextGrid
{
    public const int Rounds = 3;

    /// <summary>Exp4's settings: name, attack, defense, loss in round 0 of seed 0.</summary>
    public static readonly (string Setting, string Attack, string Defense, double Loss)[] Exp4 =
    [
        ("no_attack", "none", "none", 5.0),
        ("byzantine_random", "byzantine", "none", 5.5),
        ("byzantine_random_mkrum", "byzantine", "krum", 5.1),
    ];

    public static double Loss(double baseLoss, int seed, int round) => baseLoss - (0.1 * round) + (0.1 * seed);

    public static ResultsDatabase Build(string outputDirectory, IEnumerable<(string Setting, string Attack, string Defense, double Loss)> settings, int seeds)
    {
        var db = ResultsDatabase.Open(Path.Combine(outputDirectory, ResultsDatabase.FileName));
        int n = 0;
        foreach (var (setting, attack, defense, loss) in settings)
        {
            for (int seed = 0; seed < seeds; seed++)
            {
                var axes = new Dictionary<string, string> { ["attack"] = attack, ["defense"] = defense, ["setting"] = setting, ["seed"] = seed.ToString(CultureInfo.InvariantCulture) };
                string key = (n++).ToString("x16", CultureInfo.InvariantCulture);
                string dir = Path.Combine(outputDirectory, "runs", key);
                WriteRun(dir, attack, defense, seed, loss);
                db.Ingest(new GridRun(key, string.Join(" ", axes.Select(a => $"{a.Key}={a.Value}")), axes, seed, "x: 1\n"), dir, 1.0);
            }
        }

        return db;
    }

    private static void WriteRun(string dir, string attack, string defense, int seed, double baseLoss)
    {
        Directory.CreateDirectory(dir);
        var rounds = Enumerable.Range(0, Rounds).Select(r => new RoundRecord
        {
            Round = r,
            Accuracy = 0.2 + (0.01 * r),
            Loss = Loss(baseLoss, seed, r),
            Perplexity = Math.Exp(Loss(baseLoss, seed, r)),
            TrainLoss = 5,
            Seconds = 0.1,
            Sampled = [0, 1, 2],
            AttackActive = attack != "none",
            Attacked = attack != "none" ? [0] : [],
            Metrics = attack == "text_backdoor" ? new Dictionary<string, double> { ["attack_success_rate"] = 0.25 * (r + 1) } : new Dictionary<string, double>(),
        }).ToList();
        var summary = new RunSummary
        {
            Seed = seed,
            Dataset = "sotu",
            Model = "gpt_neox",
            Attack = attack,
            Defenses = defense == "none" ? [] : [defense],
            Rounds = rounds.Count,
            MaliciousClients = attack == "none" ? [] : [0],
            FinalAccuracy = rounds[^1].Accuracy,
            BestAccuracy = rounds[^1].Accuracy,
            FinalLoss = rounds[^1].Loss,
            FinalPerplexity = rounds[^1].Perplexity,
            FinalMetrics = rounds[^1].Metrics,
            Seconds = 0.3,
        };
        File.WriteAllText(Path.Combine(dir, "summary.json"), JsonSerializer.Serialize(summary, JsonOptions.Indented));
        File.WriteAllLines(Path.Combine(dir, "rounds.jsonl"), rounds.Select(r => JsonSerializer.Serialize(r, JsonOptions.Lines)));
    }
}
