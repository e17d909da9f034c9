namespace FedSec.Configuration;

/// <summary>The section names of a FedSec configuration (FedML's, minus those FedSec ignores).</summary>
public static class ConfigSections
{
    /// <summary><c>common_args</c>: the seed.</summary>
    public const string Common = "common_args";

    /// <summary><c>data_args</c>: data set and partition.</summary>
    public const string Data = "data_args";

    /// <summary><c>model_args</c>: the model.</summary>
    public const string Model = "model_args";

    /// <summary><c>lora_args</c>: a language model's LoRA adapters (FedLLM's keys).</summary>
    public const string Lora = "lora_args";

    /// <summary><c>train_args</c>: clients, rounds, local and server optimisation.</summary>
    public const string Train = "train_args";

    /// <summary><c>validation_args</c>: evaluation schedule.</summary>
    public const string Validation = "validation_args";

    /// <summary><c>attack_args</c>: the attack and its keys.</summary>
    public const string Attack = "attack_args";

    /// <summary><c>defense_args</c>: the defenses and their keys.</summary>
    public const string Defense = "defense_args";

    /// <summary>
    /// <c>plugins</c>: not a section but a top-level list of plugin assemblies (paths, relative to the file) whose
    /// attacks and defenses the configuration may name; stored as the one entry <c>plugins.plugins</c>.
    /// </summary>
    public const string Plugins = "plugins";

    /// <summary>Every section FedSec reads, in FedML's usual order.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { Common, Data, Model, Lora, Train, Validation, Attack, Defense };
}
