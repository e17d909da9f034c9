using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Lm;

/// <summary>The command line of <c>fedsec lm pretrain</c>.</summary>
internal sealed class LmPretrainSettings : CommandSettings
{
    /// <summary>The options file, or null for the defaults.</summary>
    [CommandArgument(0, "[CONFIG]")]
    [Description("A YAML file of pretraining keys (corpus, vocabulary_size, sequence_length, hidden_size, num_hidden_layers, num_attention_heads, "
        + "intermediate_size, rotary_pct, steps, batch_size, learning_rate, test_fraction, random_seed); the defaults without one")]
    public string? Config { get; init; }

    /// <summary><c>--data-dir</c>: where data sets and pretrained models live.</summary>
    [CommandOption("--data-dir <DIR>")]
    [Description("Data directory (default: $FEDSEC_DATA, else ~/.cache/fedsec); the model goes to lm/<corpus>-<key>/ in it")]
    public string? DataDir { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate() => OptionChecks.Result(
        Config is not null && !File.Exists(Config) ? $"The config file '{Config}' does not exist." : null);
}
