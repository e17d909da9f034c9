using System.ComponentModel;
using FedSec.Results.Grid;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Run;

/// <summary>The command line of <c>fedsec run</c>.</summary>
internal sealed class RunSettings : CommandSettings
{
    /// <summary>The configuration file; null runs the embedded default experiment.</summary>
    [CommandArgument(0, "[CONFIG]")]
    [Description("A FedML-style YAML configuration (default: the embedded default experiment: MNIST, the CNN, 10 clients (Dirichlet 0.5), a random Byzantine client, m-Krum with m = 5)")]
    public string? ConfigFile { get; init; }

    /// <summary><c>--plugin FILE</c> (repeatable): assemblies of attacks and defenses of your own.</summary>
    [CommandOption("--plugin <FILE>")]
    [Description("A plugin assembly whose attacks and defenses the configuration may name (repeatable; see docs/extending.md)")]
    public string[] Plugins { get; init; } = [];

    /// <summary><c>--seed</c>: sets <c>common_args.random_seed</c> (checked with the configuration).</summary>
    [CommandOption("--seed <N>")]
    [Description("Experiment seed (common_args.random_seed)")]
    public string? Seed { get; init; }

    /// <summary><c>--output</c>: the run's directory.</summary>
    [CommandOption("--output <DIR>")]
    [Description("Where results go (default: runs/<time>): rounds.jsonl, summary.json, config.yaml")]
    public string? Output { get; init; }

    /// <summary><c>--set</c>: configuration overrides, applied in order.</summary>
    [CommandOption("--set <KEY=VALUE>")]
    [Description("Override one config key (section.key=value or key=value); repeatable, e.g. --set train_args.comm_round=3 --set defense_type=[[nnm,trimmed_mean]]")]
    public string[] Set { get; init; } = [];

    /// <summary><c>--data-dir</c>: where data sets live.</summary>
    [CommandOption("--data-dir <DIR>")]
    [Description("Data directory (default: data_cache_dir, else $FEDSEC_DATA, else ~/.cache/fedsec)")]
    public string? DataDir { get; init; }

    /// <summary><c>--threads</c> as typed; see <see cref="Threads"/>.</summary>
    [CommandOption("--threads <N>")]
    [Description("Threads for tensor operations (default 1). Same config, seed and --threads give the same numbers on any machine; more threads are faster on an idle machine but change the last bits of the sums")]
    public string? ThreadsText { get; init; }

    /// <summary><c>--parallel</c> as typed; see <see cref="ClientsAtOnce"/>.</summary>
    [CommandOption("--parallel <N>")]
    [Description("Clients trained at once, each on its own model copy (default: cores / --threads). The numbers do not depend on it")]
    public string? ParallelText { get; init; }

    /// <summary><c>--save-model</c>: also write <c>final_model.npy</c>.</summary>
    [CommandOption("--save-model")]
    [Description("Also write the final global model as final_model.npy (float32, d values); model_args.initial_model starts another run from it")]
    public bool SaveModel { get; init; }

    /// <summary><c>--print-config</c>: print the resolved configuration instead of running.</summary>
    [CommandOption("--print-config")]
    [Description("Print the resolved configuration and exit")]
    public bool PrintConfig { get; init; }

    /// <summary>
    /// <c>--child-of-bench</c> (hidden; <c>fedsec bench</c> passes it): hold the output directory's lock while running and
    /// end when standard input closes, which happens when the bench ends (<see cref="GridChildSession"/>).
    /// </summary>
    [CommandOption(ChildProcessLauncher.ChildOption, IsHidden = true)]
    public bool ChildOfBench { get; init; }

    /// <summary>Tensor threads (<c>--threads</c>, default 1).</summary>
    public int Threads => OptionChecks.Parse<int>(ThreadsText) ?? 1;

    /// <summary>Clients trained at once: <c>--parallel</c>, else as many as leave one core per tensor thread.</summary>
    public int ClientsAtOnce(int processorCount) => OptionChecks.Parse<int>(ParallelText) ?? Math.Max(1, processorCount / Threads);

    /// <inheritdoc/>
    public override ValidationResult Validate() => OptionChecks.Result(
        OptionChecks.WholeNumber<int>("--threads", ThreadsText, 1),
        OptionChecks.WholeNumber<int>("--parallel", ParallelText, 1),
        ChildOfBench && Output is null ? $"{ChildProcessLauncher.ChildOption} needs --output (the run directory the bench made)." : null);
}
