using FedSec.Output;
using System.Text.Json;
using FedSec.Simulation;
using Microsoft.Data.Sqlite;

namespace FedSec.Results.Database;

/// <summary>Reads every table of a results database into <see cref="StoredResults"/>.</summary>
internal static class StoredResultsReader
{
    public static StoredResults Read(SqliteConnection connection)
    {
        var runs = Query(connection, "SELECT run_key, label, axes_json, seed, config_yaml, run_dir, dataset, model, rounds, final_accuracy, best_accuracy, final_loss, final_metrics_json, run_seconds, wall_seconds, finished_at, status, diverged_round, diverged_stage, diverged_client, diverged_reason, defense_state_bytes, defense_peak_state_bytes, defense_peak_allocated_bytes, final_perplexity, data_fingerprint, tensor_threads, build, machine FROM runs ORDER BY label, run_key;", r => new StoredRun(
            r.GetString(0),
            r.GetString(1),
            Json<Dictionary<string, string>>(r.GetString(2)),
            r.GetInt64(3),
            r.GetString(4),
            r.GetString(5),
            r.GetString(6),
            r.GetString(7),
            r.GetInt32(8),
            Real(r, 9),
            Real(r, 10),
            Real(r, 11),
            Json<Dictionary<string, double>>(r.GetString(12)),
            r.GetDouble(13),
            r.GetDouble(14),
            r.GetString(15))
        {
            Status = Status(r.GetString(16)),
            Diverged = r.IsDBNull(17) ? null : new Divergence(r.GetInt32(17), r.IsDBNull(18) ? DivergenceStage.LocalTraining : StageNames.ParseDivergenceStage(r.GetString(18)), r.IsDBNull(19) ? null : r.GetInt32(19), r.IsDBNull(20) ? string.Empty : r.GetString(20)),
            DefenseStateBytes = r.IsDBNull(21) ? null : r.GetInt64(21),
            DefensePeakStateBytes = r.IsDBNull(22) ? null : r.GetInt64(22),
            DefensePeakAllocatedBytes = r.IsDBNull(23) ? null : r.GetInt64(23),
            FinalPerplexity = Real(r, 24),
            DataFingerprint = r.IsDBNull(25) ? null : r.GetString(25),
            TensorThreads = r.IsDBNull(26) ? null : r.GetInt32(26),
            Build = r.IsDBNull(27) ? null : r.GetString(27),
            Machine = r.IsDBNull(28) ? null : r.GetString(28),
        });
        // A run that also stands in other cells of the grid appears once per cell, with that cell's label and axes.
        var cells = Query(connection, "SELECT run_key, label, axes_json FROM run_cells ORDER BY run_key, label;", r => (Key: r.GetString(0), Label: r.GetString(1), Axes: r.GetString(2)));
        var byKey = runs.ToDictionary(r => r.RunKey, StringComparer.Ordinal);
        runs = runs
            .Concat(cells.Where(c => byKey.TryGetValue(c.Key, out var run) && run.Label != c.Label)
                .Select(c => byKey[c.Key] with { Label = c.Label, Axes = Json<Dictionary<string, string>>(c.Axes) }))
            .OrderBy(r => r.Label, StringComparer.Ordinal).ThenBy(r => r.RunKey, StringComparer.Ordinal)
            .ToList();
        var rounds = Query(connection, "SELECT run_key, round, accuracy, loss, train_loss, seconds, attack_active, sampled_json, attacked_json, metrics_json, perplexity FROM rounds ORDER BY run_key, round;", r => new StoredRound(
            r.GetString(0),
            r.GetInt32(1),
            Real(r, 2),
            Real(r, 3),
            Real(r, 4),
            r.GetDouble(5),
            r.GetInt32(6) != 0,
            Json<int[]>(r.GetString(7)),
            Json<int[]>(r.GetString(8)),
            Json<Dictionary<string, double>>(r.GetString(9)))
        {
            Perplexity = Real(r, 10),
        });
        var detection = Query(connection, "SELECT run_key, defense, tp, fp, fn, tn, precision, recall FROM detection ORDER BY run_key, defense;", r => new StoredDetection(
            r.GetString(0), null, r.GetString(1), null, r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), Real(r, 6), Real(r, 7)));
        var roundDetection = Query(connection, "SELECT run_key, round, defense, stage, tp, fp, fn, tn, precision, recall FROM round_detection ORDER BY run_key, round, position;", r => new StoredDetection(
            r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), Real(r, 8), Real(r, 9)));
        var reconstructions = Query(connection, "SELECT run_key, round, client, mse, psnr, label_accuracy, image_path, original_path, metrics_json FROM reconstructions ORDER BY run_key, round, client;", r => new StoredReconstruction(
            r.GetString(0),
            r.GetInt32(1),
            r.GetInt32(2),
            Real(r, 3),
            Real(r, 4),
            Real(r, 5),
            r.IsDBNull(6) ? null : r.GetString(6),
            r.IsDBNull(7) ? null : r.GetString(7),
            Json<Dictionary<string, double>>(r.GetString(8))));
        var order = GridAxisOrder.Parse(Query(connection, $"SELECT value FROM meta WHERE name = '{GridAxisOrder.MetaName}';", r => r.GetString(0)).FirstOrDefault());
        if (order.Count > 0)
        {
            runs = runs.Select(r => r with { AxisRanks = GridAxisOrder.Ranks(order, r.Axes) }).ToList();
        }

        return new StoredResults(runs, rounds, detection, roundDetection, reconstructions);
    }

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static RunStatus Status(string text) => text switch
    {
        "completed" => RunStatus.Completed,
        "diverged" => RunStatus.Diverged,
        _ => throw new InvalidDataException($"A results database run has status '{text}'; expected completed or diverged."),
    };

    private static double? Real(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);

    private static T Json<T>(string text) => JsonSerializer.Deserialize<T>(text, JsonOptions.Lines)
        ?? throw new InvalidDataException($"A results database column holds '{text}', which is not a {typeof(T).Name}.");
}
