using System.Globalization;
using System.Text.Json;
using FedSec.Output;
using FedSec.Results.Database;
using FedSec.Results.Grid;
using FedSec.Simulation;

namespace FedSec.Reporting.Tests;

/// <summary>
/// A results database of one-round runs with given final accuracies, laid out as a grid with tuned defenses would be
/// (defense label <c>NAME(TUNING)</c> plus a <c>tune</c> axis, and a <c>malicious</c> axis when given).
/// </summary>
internal static class TunedGrid
{
    /// <summary>One run: where it sits in the grid and the final accuracy it measured.</summary>
    public sealed record Run(string Attack, string Defense, string? Tune, long Seed, double Accuracy, string? Malicious = null, bool Diverged = false);

    public static void Build(string outputDirectory, IEnumerable<Run> runs)
    {
        using var db = ResultsDatabase.Open(Path.Combine(outputDirectory, ResultsDatabase.FileName));
        int n = 0;
        foreach (var run in runs)
        {
            var axes = new Dictionary<string, string>
            {
                ["attack"] = run.Attack,
                ["defense"] = run.Tune is null ? run.Defense : GridTuning.Label(run.Defense, run.Tune),
                ["seed"] = run.Seed.ToString(CultureInfo.InvariantCulture),
            };
            if (run.Tune is not null)
            {
                axes[GridExpander.TuneAxis] = run.Tune;
            }

            if (run.Malicious is not null)
            {
                axes["malicious"] = run.Malicious;
            }

            string key = (n++).ToString("x16", CultureInfo.InvariantCulture);
            string dir = Path.Combine(outputDirectory, "runs", key);
            Write(dir, run);
            db.Ingest(new GridRun(key, GridExpander.Describe(axes), axes, run.Seed, "x: 1\n"), dir, 1.0);
        }
    }

    private static void Write(string dir, Run run)
    {
        Directory.CreateDirectory(dir);
        var divergence = run.Diverged ? new Divergence(0, DivergenceStage.Aggregation, null, "the new global model holds NaN at w[0] although every update was finite") : null;
        var round = new RoundRecord
        {
            Round = 0,
            Accuracy = run.Accuracy,
            Loss = 1,
            TrainLoss = 1,
            Seconds = 0.1,
            Sampled = [0, 1],
            AttackActive = run.Attack != "none",
            Attacked = run.Attack != "none" ? [0] : [],
            Diverged = divergence,
        };
        var summary = new RunSummary
        {
            Seed = run.Seed,
            Dataset = "mnist",
            Model = "cnn",
            Attack = run.Attack,
            Defenses = run.Defense == "none" ? [] : [run.Defense],
            Rounds = 1,
            Status = divergence is null ? RunStatus.Completed : RunStatus.Diverged,
            Diverged = divergence,
            MaliciousClients = run.Attack == "none" ? [] : [0],
            FinalAccuracy = run.Accuracy,
            BestAccuracy = run.Accuracy,
            FinalLoss = 1,
            FinalMetrics = new Dictionary<string, double>(),
            Detection = [],
            Seconds = 0.1,
        };
        File.WriteAllText(Path.Combine(dir, "summary.json"), JsonSerializer.Serialize(summary, JsonOptions.Indented));
        File.WriteAllLines(Path.Combine(dir, "rounds.jsonl"), [JsonSerializer.Serialize(round, JsonOptions.Lines)]);
    }
}
