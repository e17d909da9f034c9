namespace FedSec.Configuration;

/// <summary>
/// The parts of FedML's configuration vocabulary that FedSec accepts without using, so that a FedML user's file runs
/// unchanged. Gathered from FedML's own example configs (python/examples/{simulation,cross_silo,security}/**/
/// fedml_config.yaml and the FedMLSecurity experiment configs) and its security module.
/// </summary>
internal static class FedMLKeys
{
    /// <summary>Whole FedML sections FedSec ignores (one warning per section), with why.</summary>
    public static IReadOnlyDictionary<string, string> IgnoredSections { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["environment_args"] = "FedML's deployment bootstrap; FedSec needs none",
        ["device_args"] = "FedML's device and GPU mapping; FedSec runs on the CPU in one process",
        ["comm_args"] = "FedML's communication backend; FedSec simulates in one process",
        ["tracking_args"] = "FedML's logging and wandb tracking; FedSec writes its own results",
        ["dp_args"] = "FedML's differential privacy: FedSec.Privacy reads it when registered (the fedsec command registers it); this registry lacks it, so no privacy noise is added",
        ["fhe_args"] = "FedML's homomorphic encryption; FedSec does not implement it",
        ["secure_aggregation_args"] = "secure aggregation: FedSec.Privacy reads it when registered (the fedsec command registers it); this registry lacks it",
        ["silo_args"] = "FedML's hierarchical cross-silo settings; FedSec simulates in one process",
    };

    /// <summary>FedML keys outside those sections that do not apply to FedSec (one warning each), with a hint where useful.</summary>
    public static IReadOnlyDictionary<string, string> IgnoredKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // common_args
        ["training_type"] = "FedSec always simulates",
        ["scenario"] = string.Empty,
        ["using_mlops"] = string.Empty,
        ["config_version"] = string.Empty,

        // data_args
        ["partition_file"] = "FedSec partitions by partition_method",

        // model_args
        ["model_file_cache_folder"] = string.Empty,
        ["global_model_file_path"] = string.Empty,

        // train_args
        ["client_id_list"] = "FedSec samples clients from client_num_in_total",
        ["server_optimizer"] = "FedSec's server rule is federated_optimizer: FedAvgM (momentum) or FedAdam",
        ["lr"] = "FedSec reads learning_rate and server_lr",
        ["wd"] = "FedSec reads weight_decay",
        ["ci"] = string.Empty,

        // device, communication, process and tracking keys, when written outside their own sections
        ["worker_num"] = string.Empty,
        ["using_gpu"] = "FedSec runs on the CPU",
        ["gpu_id"] = string.Empty,
        ["gpu_mapping_file"] = string.Empty,
        ["gpu_mapping_key"] = string.Empty,
        ["device_type"] = string.Empty,
        ["backend"] = string.Empty,
        ["is_mobile"] = string.Empty,
        ["mqtt_config_path"] = string.Empty,
        ["s3_config_path"] = string.Empty,
        ["grpc_ipconfig_path"] = string.Empty,
        ["process_id"] = string.Empty,
        ["rank"] = string.Empty,
        ["local_rank"] = string.Empty,
        ["role"] = string.Empty,
        ["run_id"] = string.Empty,
        ["bootstrap"] = string.Empty,
        ["log_file_dir"] = "FedSec writes results under --output",
        ["local_log_output_path"] = string.Empty,
        ["enable_tracking"] = string.Empty,
        ["enable_wandb"] = string.Empty,
    };

    /// <summary>Key prefixes ignored like <see cref="IgnoredKeys"/> (wandb_key, wandb_project, ...).</summary>
    public static IReadOnlyList<string> IgnoredPrefixes { get; } = new[] { "wandb_" };

    /// <summary>
    /// Keys of FedML's attacks and defenses, by home section. Known (never an error), but read only once a registered
    /// component declares them; until then they are accepted with a warning.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ComponentKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // label flipping
        ["original_class_list"] = ConfigSections.Attack,
        ["target_class_list"] = ConfigSections.Attack,
        ["ratio_of_poisoned_client"] = ConfigSections.Attack,

        // model replacement
        ["malicious_client_id"] = ConfigSections.Attack,
        ["attack_training_rounds"] = ConfigSections.Attack,
        ["scale_factor_S"] = ConfigSections.Attack,

        // DLG
        ["attack_round_num"] = ConfigSections.Attack,
        ["attack_iteration_idxs"] = ConfigSections.Attack,
        ["protected_layers"] = ConfigSections.Attack,

        // defenses
        ["norm_bound"] = ConfigSections.Defense,
        ["robust_threshold"] = ConfigSections.Defense,
        ["trim_param_b"] = ConfigSections.Defense,
        ["alpha"] = ConfigSections.Defense,
        ["option_type"] = ConfigSections.Defense,
        ["batch_num"] = ConfigSections.Defense,
        ["stddev"] = ConfigSections.Defense,
        ["tau"] = ConfigSections.Defense,
        ["bucket_size"] = ConfigSections.Defense,
        ["beta"] = ConfigSections.Defense,
        ["clip_threshold"] = ConfigSections.Defense,
        ["sigma"] = ConfigSections.Defense,
        ["cosine_similarity_bound"] = ConfigSections.Defense,
        ["pretraining_round_num"] = ConfigSections.Defense,
        ["bucketing_batch_size"] = ConfigSections.Defense,
        ["to_keep_higher_scores"] = ConfigSections.Defense,
        ["use_memory"] = ConfigSections.Defense,
    };

    /// <summary>
    /// FedML's <c>defense_type</c> names that FedSec runs as other registered defenses: each with the defenses it runs
    /// (in order, as a <c>defense_type</c> list would) and the one warning line that says so. FedML's
    /// <c>3sigma_foolsgold</c> and <c>3sigma_geo</c> combine the three-sigma filter with FoolsGold and the geometric
    /// median; <c>diff_clipping</c> is only declared in FedML's constants (its defender raises "not defined").
    /// </summary>
    public static IReadOnlyDictionary<string, (string[] Defenses, string Warning)> DefenseNames { get; } =
        new Dictionary<string, (string[] Defenses, string Warning)>(StringComparer.OrdinalIgnoreCase)
        {
            ["3sigma_foolsgold"] = (["3sigma", "foolsgold"], "FedML's 3sigma_foolsgold runs as the chain [3sigma, foolsgold]: the three-sigma filter, then FoolsGold's reweighting of the updates it keeps (FedML applies the three-sigma rule to FoolsGold's scores; see docs/defenses/detection.md)."),
            ["3sigma_geo"] = (["3sigma", "geo_median"], "FedML's 3sigma_geo runs as the chain [3sigma, geo_median]: the three-sigma filter, then the geometric median of the updates it keeps (FedML scores distances to a geometric median; see docs/defenses/detection.md)."),
            ["diff_clipping"] = (["norm_diff_clipping"], "diff_clipping is declared in FedML's constants but FedML implements nothing under that name; FedSec runs norm_diff_clipping (norm-difference clipping by norm_bound) in its place."),
        };

    /// <summary>Whether <paramref name="key"/> is a FedML key FedSec ignores; <paramref name="hint"/> says why, or is empty.</summary>
    public static bool IsIgnoredKey(string key, out string hint)
    {
        if (IgnoredKeys.TryGetValue(key, out hint!))
        {
            return true;
        }

        hint = string.Empty;
        return IgnoredPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));
    }
}
