namespace FedSec.Language.Lora;

/// <summary>
/// LoRA's settings (<c>lora_args</c> in the YAML), with FedML FedLLM's defaults: rank 8, α 16, dropout 0.05, adapters on
/// the attention's fused <c>query_key_value</c>.
/// </summary>
public sealed record LoraOptions
{
    /// <summary>The layers adapters may go on, by their last module name.</summary>
    public static IReadOnlyList<string> TargetNames { get; } = ["query_key_value", "dense", "dense_h_to_4h", "dense_4h_to_h"];

    /// <summary>The rank r (<c>lora_r</c>).</summary>
    /// <value>The default value is 8.</value>
    public int Rank { get; init; } = 8;

    /// <summary>The scale's numerator α (<c>lora_alpha</c>); the update is scaled by α / r.</summary>
    /// <value>The default value is 16.</value>
    public double Alpha { get; init; } = 16;

    /// <summary>Dropout on the adapter's input (<c>lora_dropout</c>), in [0, 1).</summary>
    /// <value>The default value is 0.05.</value>
    public double Dropout { get; init; } = 0.05;

    /// <summary>The layers that get adapters (<c>target_modules</c>), from <see cref="TargetNames"/>.</summary>
    /// <value>The default value is <c>[query_key_value]</c>.</value>
    public IReadOnlyList<string> Targets { get; init; } = ["query_key_value"];

    /// <summary>Every problem with these settings, each a sentence naming its <c>lora_args</c> key; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Rank < 1)
        {
            problems.Add($"lora_args.lora_r is {Rank}; it must be a positive integer.");
        }

        if (!(Alpha > 0) || double.IsInfinity(Alpha))
        {
            problems.Add($"lora_args.lora_alpha is {Alpha}; it must be a positive number.");
        }

        if (!(Dropout >= 0 && Dropout < 1))
        {
            problems.Add($"lora_args.lora_dropout is {Dropout}; it must be in [0, 1).");
        }

        if (Targets.Count == 0)
        {
            problems.Add($"lora_args.target_modules is empty; name at least one of {string.Join(", ", TargetNames)}.");
        }

        foreach (var t in Targets.Where(t => !TargetNames.Contains(t, StringComparer.Ordinal)))
        {
            problems.Add($"lora_args.target_modules names '{t}', which is not a GPT-NeoX linear layer; the layers are {string.Join(", ", TargetNames)}.");
        }

        return problems;
    }
}
