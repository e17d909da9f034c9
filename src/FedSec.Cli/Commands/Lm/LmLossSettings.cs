using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Lm;

/// <summary>The command line of <c>fedsec lm loss</c>.</summary>
internal sealed class LmLossSettings : CommandSettings
{
    /// <summary><c>--model DIR</c>.</summary>
    [CommandOption("--model <DIR>")]
    [Description("Model directory: config.json, model.safetensors, and tokenizer.json (or FedSec's vocabulary.json) for --text")]
    public string? Model { get; init; }

    /// <summary><c>--adapters FILE</c>.</summary>
    [CommandOption("--adapters <FILE>")]
    [Description("LoRA adapters in PEFT's layout: adapter_model.safetensors (or its directory) with adapter_config.json beside it")]
    public string? Adapters { get; init; }

    /// <summary><c>--text FILE</c>.</summary>
    [CommandOption("--text <FILE>")]
    [Description("A UTF-8 text file, tokenized with the model's tokenizer")]
    public string? Text { get; init; }

    /// <summary><c>--tokens FILE.npy</c>.</summary>
    [CommandOption("--tokens <FILE>")]
    [Description("Token ids: an int32 or int64 .npy matrix (batch, length)")]
    public string? Tokens { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate() => OptionChecks.Result(
        string.IsNullOrWhiteSpace(Model) ? "--model DIR is required: the model directory." : null,
        (Text is null) == (Tokens is null) ? "Give exactly one of --text FILE and --tokens FILE.npy." : null);
}
