using FedSec.Output;
using FedSec.Simulation;
using Microsoft.Data.Sqlite;

namespace FedSec.Results.Database;

/// <summary>Inserts the rows of one run inside the caller's transaction.</summary>
internal sealed class RunRowWriter
{
    private readonly SqliteConnection _connection;
    private readonly string _key;

    public RunRowWriter(SqliteConnection connection, string key)
    {
        _connection = connection;
        _key = key;
    }

    public void Run(GridRun run, RunSummary summary, string runDir, double wallSeconds, string finishedAt)
    {
        Insert(
            "runs",
            ("run_key", _key),
            ("label", run.Label),
            ("axes_json", ResultsDatabase.Json(new SortedDictionary<string, string>(run.Axes.ToDictionary(), StringComparer.Ordinal))),
            ("attack", run.Axes["attack"]),
            ("defense", run.Axes["defense"]),
            ("seed", run.Seed),
            ("config_yaml", run.ConfigYaml),
            ("run_dir", runDir),
            ("dataset", summary.Dataset),
            ("model", summary.Model),
            ("attack_type", summary.Attack),
            ("defense_types_json", ResultsDatabase.Json(summary.Defenses)),
            ("malicious_clients_json", ResultsDatabase.Json(summary.MaliciousClients)),
            ("rounds", summary.Rounds),
            ("final_accuracy", summary.FinalAccuracy),
            ("best_accuracy", summary.BestAccuracy),
            ("final_loss", summary.FinalLoss),
            ("final_metrics_json", ResultsDatabase.Json(summary.FinalMetrics)),
            ("run_seconds", summary.Seconds),
            ("wall_seconds", wallSeconds),
            ("finished_at", finishedAt),
            ("status", summary.Status == RunStatus.Diverged ? "diverged" : "completed"),
            ("diverged_round", summary.Diverged?.Round),
            ("diverged_stage", summary.Diverged?.Stage.Word()),
            ("diverged_client", summary.Diverged?.ClientId),
            ("diverged_reason", summary.Diverged?.Reason),
            ("final_perplexity", summary.FinalPerplexity),
            ("defense_state_bytes", summary.DefenseMemory?.Sum(m => m.FinalStateBytes)),
            ("defense_peak_state_bytes", summary.DefenseMemory?.Sum(m => m.PeakStateBytes)),
            ("defense_peak_allocated_bytes", summary.DefenseMemory?.Sum(m => m.PeakAllocatedBytes)),
            ("data_fingerprint", summary.DataFingerprint),
            ("tensor_threads", summary.TensorThreads),
            ("build", summary.Build),
            ("machine", summary.Machine));
    }

    public void Axes(IReadOnlyDictionary<string, string> axes)
    {
        foreach (var (axis, value) in axes)
        {
            Insert("run_axes", ("run_key", _key), ("axis", axis), ("value", value));
        }
    }

    public void Rounds(IReadOnlyList<RoundRecord> rounds)
    {
        foreach (var r in rounds)
        {
            Insert(
                "rounds",
                ("run_key", _key),
                ("round", r.Round),
                ("accuracy", r.Accuracy),
                ("loss", r.Loss),
                ("train_loss", r.TrainLoss),
                ("seconds", r.Seconds),
                ("attack_active", r.AttackActive ? 1 : 0),
                ("sampled_json", ResultsDatabase.Json(r.Sampled)),
                ("attacked_json", ResultsDatabase.Json(r.Attacked)),
                ("metrics_json", ResultsDatabase.Json(r.Metrics)),
                ("perplexity", r.Perplexity),
                ("defense_state_bytes", r.DefenseMemory?.Sum(m => m.StateBytes)),
                ("defense_allocated_bytes", r.DefenseMemory?.Sum(m => m.AllocatedBytes)));
        }
    }

    public void Detection(IReadOnlyList<DefenseDetectionSummary> detection)
    {
        foreach (var d in detection)
        {
            Insert(
                "detection",
                ("run_key", _key),
                ("defense", d.Defense),
                ("tp", d.TruePositives),
                ("fp", d.FalsePositives),
                ("fn", d.FalseNegatives),
                ("tn", d.TrueNegatives),
                ("precision", d.Precision),
                ("recall", d.Recall));
        }
    }

    public void RoundDetection(IReadOnlyList<RoundRecord> rounds)
    {
        foreach (var r in rounds)
        {
            for (int i = 0; i < r.Defenses.Count; i++)
            {
                var d = r.Defenses[i];

                // After-aggregation defenses judge no client; their zero counts would read as "detected nothing".
                if (d.Verdicts.Count == 0)
                {
                    continue;
                }

                var c = d.Detection;
                Insert(
                    "round_detection",
                    ("run_key", _key),
                    ("round", r.Round),
                    ("position", i),
                    ("defense", d.Name),
                    ("stage", d.Stage.Word()),
                    ("tp", c.TruePositives),
                    ("fp", c.FalsePositives),
                    ("fn", c.FalseNegatives),
                    ("tn", c.TrueNegatives),
                    ("precision", c.Precision),
                    ("recall", c.Recall));
            }
        }
    }

    public void Reconstructions(IReadOnlyList<RoundRecord> rounds, Func<string, string> relative)
    {
        foreach (var r in rounds)
        {
            foreach (var rec in r.Reconstructions)
            {
                string? image = rec.Files.FirstOrDefault(f => f.EndsWith("_reconstructed.png", StringComparison.Ordinal)) ?? (rec.Files.Count > 0 ? rec.Files[0] : null);
                string? original = rec.Files.FirstOrDefault(f => f.EndsWith("_original.png", StringComparison.Ordinal));
                Insert(
                    "reconstructions",
                    ("run_key", _key),
                    ("round", r.Round),
                    ("client", rec.ClientId),
                    ("mse", Metric(rec.Metrics, "mse")),
                    ("psnr", Metric(rec.Metrics, "psnr")),
                    ("label_accuracy", Metric(rec.Metrics, "label_accuracy")),
                    ("image_path", image is null ? null : relative(image)),
                    ("original_path", original is null ? null : relative(original)),
                    ("metrics_json", ResultsDatabase.Json(rec.Metrics)));
            }
        }
    }

    private static double? Metric(IReadOnlyDictionary<string, double> metrics, string name) => metrics.TryGetValue(name, out double v) ? v : null;

    private void Insert(string table, params (string Column, object? Value)[] values)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", values.Select(v => v.Column))}) VALUES ({string.Join(", ", values.Select(v => "$" + v.Column))});";
        foreach (var (column, value) in values)
        {
            command.Parameters.AddWithValue("$" + column, Normalise(value));
        }

        command.ExecuteNonQuery();
    }

    // NaN (e.g. precision with nothing flagged) has no SQL value; NULL says "undefined".
    private static object Normalise(object? value) => value switch
    {
        null => DBNull.Value,
        double d when double.IsNaN(d) => DBNull.Value,
        _ => value,
    };
}
