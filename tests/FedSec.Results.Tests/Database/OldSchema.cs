namespace FedSec.Results.Tests.Database;

/// <summary>Databases as fedsec wrote them before later columns and tables, for the migration tests.</summary>
internal static class OldSchema
{
    /// <summary>Schema version 1, first form: a runs table without a status, one run, no other table.</summary>
    public const string RunsOnly = """
        CREATE TABLE runs (
            run_key TEXT PRIMARY KEY NOT NULL, label TEXT NOT NULL, axes_json TEXT NOT NULL, attack TEXT NOT NULL,
            defense TEXT NOT NULL, seed INTEGER NOT NULL, config_yaml TEXT NOT NULL, run_dir TEXT NOT NULL,
            dataset TEXT NOT NULL, model TEXT NOT NULL, attack_type TEXT NOT NULL, defense_types_json TEXT NOT NULL,
            malicious_clients_json TEXT NOT NULL, rounds INTEGER NOT NULL, final_accuracy REAL, best_accuracy REAL,
            final_loss REAL, final_metrics_json TEXT NOT NULL, run_seconds REAL NOT NULL, wall_seconds REAL NOT NULL,
            finished_at TEXT NOT NULL);
        INSERT INTO runs VALUES ('00000000000000aa', 'attack=none defense=none seed=0', '{"attack":"none","defense":"none","seed":"0"}',
            'none', 'none', 0, 'x', 'runs/old', 'mnist', 'cnn', 'none', '[]', '[]', 2, 0.9, 0.9, 0.3, '{}', 1, 1, '2025-01-01T00:00:00.000Z');
        PRAGMA user_version=1;
        """;
}
