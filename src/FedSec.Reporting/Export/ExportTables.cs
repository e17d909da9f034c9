using System.Text.Json;
using FedSec.Output;
using FedSec.Results.Database;
using FedSec.Simulation;

namespace FedSec.Reporting.Export;

/// <summary>
/// The exported tables of a results database: runs (one column per grid axis, one per final metric, the status
/// completed|diverged and where a diverged run diverged, its round zero-based like the rounds table's), run_axes,
/// rounds (with the run's axes and one column per round metric), detection, round_detection, reconstructions.
/// </summary>
internal static class ExportTables
{
    private static readonly string[] RunColumns = ["run_key", "label", "dataset", "model", "rounds", "final_accuracy", "best_accuracy", "final_loss", "status", "diverged_round", "diverged_stage", "diverged_client", "diverged_reason", "defense_state_bytes", "defense_peak_state_bytes", "defense_peak_allocated_bytes", "data_fingerprint", "run_seconds", "wall_seconds", "run_dir", "finished_at"];
    private static readonly string[] RoundColumns = ["run_key", "label", "round", "accuracy", "loss", "train_loss", "seconds", "attack_active", "sampled", "attacked"];
    private static readonly string[] DetectionColumns = ["run_key", "label", "round", "detector", "stage", "tp", "fp", "fn", "tn", "precision", "recall"];
    private static readonly string[] ReconstructionColumns = ["run_key", "label", "round", "client", "mse", "psnr", "label_accuracy", "image_path", "original_path"];

    public static IReadOnlyList<ExportTable> From(StoredResults results)
    {
        var runs = results.Runs.ToDictionary(r => r.RunKey, StringComparer.Ordinal);
        var axes = AxisOrder(results.Runs);
        IReadOnlyDictionary<string, string>? AxesOf(string key) => runs.TryGetValue(key, out var r) ? r.Axes : null;
        string? LabelOf(string key) => runs.TryGetValue(key, out var r) ? r.Label : null;

        var finalMetrics = results.Runs.SelectMany(r => r.FinalMetrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var runTable = new TableBuilder<StoredRun>(results.Runs)
            .Text("run_key", r => r.RunKey).Text("label", r => r.Label)
            .Axes(axes, r => r.Axes, RunColumns.Concat(finalMetrics.Select(m => "final_" + m)).ToArray())
            .Text("dataset", r => r.Dataset).Text("model", r => r.Model).Integer("rounds", r => r.Rounds)
            .Real("final_accuracy", r => r.FinalAccuracy).Real("best_accuracy", r => r.BestAccuracy).Real("final_loss", r => r.FinalLoss)
            .Text("status", r => r.Status == RunStatus.Diverged ? "diverged" : "completed").Integer("diverged_round", r => r.Diverged?.Round)
            .Text("diverged_stage", r => r.Diverged?.Stage.Word()).Integer("diverged_client", r => r.Diverged?.ClientId).Text("diverged_reason", r => r.Diverged?.Reason);
        foreach (string m in finalMetrics)
        {
            runTable.Real("final_" + m, r => r.FinalMetrics.TryGetValue(m, out double v) ? v : null);
        }

        runTable.Integer("defense_state_bytes", r => r.DefenseStateBytes).Integer("defense_peak_state_bytes", r => r.DefensePeakStateBytes)
            .Integer("defense_peak_allocated_bytes", r => r.DefensePeakAllocatedBytes).Text("data_fingerprint", r => r.DataFingerprint);
        runTable.Real("run_seconds", r => r.RunSeconds).Real("wall_seconds", r => r.WallSeconds).Text("run_dir", r => r.RunDirectory).Text("finished_at", r => r.FinishedAt);

        var axisRows = results.Runs.SelectMany(r => r.Axes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => (r.RunKey, a.Key, a.Value))).ToArray();
        var axisTable = new TableBuilder<(string RunKey, string Axis, string Value)>(axisRows)
            .Text("run_key", a => a.RunKey).Text("axis", a => a.Axis).Text("value", a => a.Value);

        var roundMetrics = results.Rounds.SelectMany(r => r.Metrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var roundTable = new TableBuilder<StoredRound>(results.Rounds)
            .Text("run_key", r => r.RunKey).Text("label", r => LabelOf(r.RunKey))
            .Axes(axes, r => AxesOf(r.RunKey), RoundColumns.Concat(roundMetrics).ToArray())
            .Integer("round", r => r.Round).Real("accuracy", r => r.Accuracy).Real("loss", r => r.Loss).Real("train_loss", r => r.TrainLoss)
            .Real("seconds", r => r.Seconds).Boolean("attack_active", r => r.AttackActive)
            .Text("sampled", r => JsonSerializer.Serialize(r.Sampled, JsonOptions.Lines)).Text("attacked", r => JsonSerializer.Serialize(r.Attacked, JsonOptions.Lines));
        foreach (string m in roundMetrics)
        {
            roundTable.Real(RoundColumns.Contains(m) || axes.Contains(m) ? "metric_" + m : m, r => r.Metrics.TryGetValue(m, out double v) ? v : null);
        }

        var reconstructionTable = new TableBuilder<StoredReconstruction>(results.Reconstructions)
            .Text("run_key", r => r.RunKey).Text("label", r => LabelOf(r.RunKey))
            .Axes(axes, r => AxesOf(r.RunKey), ReconstructionColumns)
            .Integer("round", r => r.Round).Integer("client", r => r.Client).Real("mse", r => r.Mse).Real("psnr", r => r.Psnr)
            .Real("label_accuracy", r => r.LabelAccuracy).Text("image_path", r => r.ImagePath).Text("original_path", r => r.OriginalPath);

        return
        [
            runTable.Build("runs"),
            axisTable.Build("run_axes"),
            roundTable.Build("rounds"),
            Detection(results.Detection, axes, AxesOf, LabelOf, perRound: false).Build("detection"),
            Detection(results.RoundDetection, axes, AxesOf, LabelOf, perRound: true).Build("round_detection"),
            reconstructionTable.Build("reconstructions"),
        ];
    }

    /// <summary>attack, defense, seed first, then the other axes in ordinal order.</summary>
    private static IReadOnlyList<string> AxisOrder(IReadOnlyList<StoredRun> runs)
    {
        string[] first = ["attack", "defense", "seed"];
        return first.Concat(runs.SelectMany(r => r.Axes.Keys).Where(a => !first.Contains(a)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)).ToArray();
    }

    private static TableBuilder<StoredDetection> Detection(IReadOnlyList<StoredDetection> rows, IReadOnlyList<string> axes, Func<string, IReadOnlyDictionary<string, string>?> axesOf, Func<string, string?> labelOf, bool perRound)
    {
        var t = new TableBuilder<StoredDetection>(rows).Text("run_key", d => d.RunKey).Text("label", d => labelOf(d.RunKey)).Axes(axes, d => axesOf(d.RunKey), DetectionColumns);
        if (perRound)
        {
            t.Integer("round", d => d.Round).Text("stage", d => d.Stage);
        }

        return t.Text("detector", d => d.Defense).Integer("tp", d => d.TruePositives).Integer("fp", d => d.FalsePositives).Integer("fn", d => d.FalseNegatives)
            .Integer("tn", d => d.TrueNegatives).Real("precision", d => d.Precision).Real("recall", d => d.Recall);
    }
}
