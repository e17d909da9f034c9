using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Aggregate;

/// <summary>The command line of <c>fedsec aggregate</c>.</summary>
internal sealed class AggregateSettings : CommandSettings
{
    /// <summary><c>--defense</c>: the chain, in order.</summary>
    [CommandOption("--defense <NAME>")]
    [Description("A defense ('fedsec list defenses'); repeat for a chain, in order")]
    public string[] Defenses { get; init; } = [];

    /// <summary><c>--param</c>: defense parameters, read as YAML.</summary>
    [CommandOption("--param <KEY=VALUE>")]
    [Description("A defense parameter, read as YAML (lists work: k=[[1,2]]); repeatable, e.g. --param byzantine_client_num=1 --param krum_param_m=3")]
    public string[] Parameters { get; init; } = [];

    /// <summary><c>--input</c>: the n × d matrix of client models.</summary>
    [CommandOption("--input <FILE>")]
    [Description("n × d matrix of client MODELS (not deltas), one row per client; row i is client i. dtype float32 ('<f4'); float64 ('<f8') is converted to float32. Every value must be finite")]
    public string? Input { get; init; }

    /// <summary><c>--global</c>: the round's global model.</summary>
    [CommandOption("--global <FILE>")]
    [Description("The round's global model G, a vector of length d, which defenses take deltas against (default: all zeros, so the rows act as deltas)")]
    public string? Global { get; init; }

    /// <summary><c>--weights</c>: per-client sample counts.</summary>
    [CommandOption("--weights <FILE>")]
    [Description("Per-client sample counts, a vector of length n (default: 1 each)")]
    public string? Weights { get; init; }

    /// <summary><c>--output</c>: where the aggregate goes.</summary>
    [CommandOption("--output <FILE>")]
    [Description("Where the aggregate goes: a float32 vector of length d (.npy v1.0)")]
    public string? Output { get; init; }

    /// <summary><c>--verdicts</c>: where the verdicts go, if anywhere.</summary>
    [CommandOption("--verdicts <FILE>")]
    [Description("Also write each defense's verdicts as JSON: name, stage, and per client its kind (kept/removed/reweighted/modified), weight, score")]
    public string? Verdicts { get; init; }

    /// <summary><c>--seed</c> as typed; see <see cref="Seed"/>.</summary>
    [CommandOption("--seed <N>")]
    [Description("Seed of the defenses' random streams (default 0)")]
    public string? SeedText { get; init; }

    /// <summary>The seed of the defenses' random streams (default 0).</summary>
    public long Seed => OptionChecks.Parse<long>(SeedText) ?? 0;

    /// <inheritdoc/>
    public override ValidationResult Validate() => OptionChecks.Result(
        Defenses.Length == 0 ? "'fedsec aggregate' needs at least one --defense NAME (repeat it for a chain); 'fedsec list defenses' shows the names." : null,
        Input is null ? "'fedsec aggregate' needs --input updates.npy (an n × d float32 matrix, one row per client)." : null,
        Output is null ? "'fedsec aggregate' needs --output result.npy (where the aggregate goes)." : null,
        OptionChecks.WholeNumber<long>("--seed", SeedText));
}
