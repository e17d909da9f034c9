namespace FedSec.Results.Database;

/// <summary>
/// The tables of <c>results.db</c>. Per-run rows are keyed by <c>run_key</c>; paths are relative to the database's
/// directory with '/' separators; NaN metrics are stored as NULL.
/// </summary>
internal static class DatabaseSchema
{
    /// <summary>Bumped when a table changes incompatibly; kept in <c>PRAGMA user_version</c>.</summary>
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS runs (
            run_key TEXT PRIMARY KEY NOT NULL,
            label TEXT NOT NULL,
            axes_json TEXT NOT NULL,
            attack TEXT NOT NULL,
            defense TEXT NOT NULL,
            seed INTEGER NOT NULL,
            config_yaml TEXT NOT NULL,
            run_dir TEXT NOT NULL,
            dataset TEXT NOT NULL,
            model TEXT NOT NULL,
            attack_type TEXT NOT NULL,
            defense_types_json TEXT NOT NULL,
            malicious_clients_json TEXT NOT NULL,
            rounds INTEGER NOT NULL,
            final_accuracy REAL,
            best_accuracy REAL,
            final_loss REAL,
            final_metrics_json TEXT NOT NULL,
            run_seconds REAL NOT NULL,
            wall_seconds REAL NOT NULL,
            finished_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'completed',
            diverged_round INTEGER,
            diverged_stage TEXT,
            diverged_client INTEGER,
            diverged_reason TEXT,
            final_perplexity REAL,
            defense_state_bytes INTEGER,
            defense_peak_state_bytes INTEGER,
            defense_peak_allocated_bytes INTEGER,
            data_fingerprint TEXT,
            tensor_threads INTEGER,
            build TEXT,
            machine TEXT
        );
        CREATE TABLE IF NOT EXISTS meta (
            name TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS run_cells (
            run_key TEXT NOT NULL,
            label TEXT NOT NULL,
            axes_json TEXT NOT NULL,
            PRIMARY KEY (run_key, label)
        );
        CREATE TABLE IF NOT EXISTS run_axes (
            run_key TEXT NOT NULL,
            axis TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (run_key, axis)
        );
        CREATE TABLE IF NOT EXISTS rounds (
            run_key TEXT NOT NULL,
            round INTEGER NOT NULL,
            accuracy REAL,
            loss REAL,
            train_loss REAL,
            seconds REAL NOT NULL,
            attack_active INTEGER NOT NULL,
            sampled_json TEXT NOT NULL,
            attacked_json TEXT NOT NULL,
            metrics_json TEXT NOT NULL,
            perplexity REAL,
            defense_state_bytes INTEGER,
            defense_allocated_bytes INTEGER,
            PRIMARY KEY (run_key, round)
        );
        CREATE TABLE IF NOT EXISTS detection (
            run_key TEXT NOT NULL,
            defense TEXT NOT NULL,
            tp INTEGER NOT NULL,
            fp INTEGER NOT NULL,
            fn INTEGER NOT NULL,
            tn INTEGER NOT NULL,
            precision REAL,
            recall REAL,
            PRIMARY KEY (run_key, defense)
        );
        CREATE TABLE IF NOT EXISTS round_detection (
            run_key TEXT NOT NULL,
            round INTEGER NOT NULL,
            position INTEGER NOT NULL,
            defense TEXT NOT NULL,
            stage TEXT NOT NULL,
            tp INTEGER NOT NULL,
            fp INTEGER NOT NULL,
            fn INTEGER NOT NULL,
            tn INTEGER NOT NULL,
            precision REAL,
            recall REAL,
            PRIMARY KEY (run_key, round, position)
        );
        CREATE TABLE IF NOT EXISTS reconstructions (
            run_key TEXT NOT NULL,
            round INTEGER NOT NULL,
            client INTEGER NOT NULL,
            mse REAL,
            psnr REAL,
            label_accuracy REAL,
            image_path TEXT,
            original_path TEXT,
            metrics_json TEXT NOT NULL,
            PRIMARY KEY (run_key, round, client)
        );
        """;

    /// <summary>
    /// Columns of <c>runs</c> added after version 1 was first written, with their definitions; a database that lacks
    /// one gets it added on opening (an addition is compatible: older rows read as completed runs).
    /// </summary>
    public static readonly (string Name, string Definition)[] AddedRunColumns =
    [
        ("status", "TEXT NOT NULL DEFAULT 'completed'"),
        ("diverged_round", "INTEGER"),
        ("diverged_stage", "TEXT"),
        ("diverged_client", "INTEGER"),
        ("diverged_reason", "TEXT"),
        ("final_perplexity", "REAL"),
        ("defense_state_bytes", "INTEGER"),
        ("defense_peak_state_bytes", "INTEGER"),
        ("defense_peak_allocated_bytes", "INTEGER"),
        ("data_fingerprint", "TEXT"),
        ("tensor_threads", "INTEGER"),
        ("build", "TEXT"),
        ("machine", "TEXT"),
    ];

    /// <summary>Columns added to <c>rounds</c> after version 1, added to older databases when they are opened.</summary>
    public static readonly (string Name, string Definition)[] AddedRoundColumns =
    [
        ("perplexity", "REAL"),
        ("defense_state_bytes", "INTEGER"),
        ("defense_allocated_bytes", "INTEGER"),
    ];

    /// <summary>The tables holding rows of one run, children first.</summary>
    public static readonly string[] RunTables = ["reconstructions", "round_detection", "detection", "rounds", "run_cells", "run_axes", "runs"];
}
