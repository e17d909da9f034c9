namespace FedSec.Torch.Tests.FedML;

/// <summary>
/// What FedML's 83 FedMLSecurity experiment configs use (python/examples/federate/security/**.yaml in FedML's
/// repository, commit 03e11dfe, without the gpu_mapping files), listed by reading them: every section.key, data set,
/// model, defense name and attack type, including the NLP configs' shakespeare + rnn and the LR configs'
/// stackoverflow_lr + lr.
/// </summary>
internal static class FedMLSecurityVocabulary
{
    public static readonly string[] Keys =
    [
        "attack_args.attack_mode", "attack_args.attack_type", "attack_args.byzantine_client_num", "attack_args.enable_attack",
        "attack_args.original_class_list", "attack_args.ratio_of_poisoned_client", "attack_args.target_class_list",
        "comm_args.backend", "comm_args.grpc_ipconfig_path", "comm_args.mqtt_config_path", "comm_args.s3_config_path",
        "common_args.config_version", "common_args.random_seed", "common_args.scenario", "common_args.training_type", "common_args.using_mlops",
        "data_args.data_cache_dir", "data_args.dataset", "data_args.partition_alpha", "data_args.partition_method",
        "defense_args.alpha", "defense_args.batch_num", "defense_args.beta", "defense_args.bucket_size", "defense_args.byzantine_client_num",
        "defense_args.cosine_similarity_bound", "defense_args.defense_type", "defense_args.enable_defense", "defense_args.federated_optimizer",
        "defense_args.krum_param_m", "defense_args.norm_bound", "defense_args.option_type", "defense_args.sigma", "defense_args.trim_param_b",
        "device_args.gpu_mapping_file", "device_args.gpu_mapping_key", "device_args.using_gpu", "device_args.worker_num",
        "environment_args.bootstrap",
        "model_args.global_model_file_path", "model_args.model", "model_args.model_file_cache_folder",
        "tracking_args.enable_wandb", "tracking_args.wandb_key", "tracking_args.wandb_name", "tracking_args.wandb_project",
        "train_args.batch_size", "train_args.ci", "train_args.client_id_list", "train_args.client_num_in_total", "train_args.client_num_per_round",
        "train_args.client_optimizer", "train_args.comm_round", "train_args.epochs", "train_args.federated_optimizer", "train_args.learning_rate",
        "train_args.lr", "train_args.server_lr", "train_args.server_momentum", "train_args.server_optimizer", "train_args.wd", "train_args.weight_decay",
        "validation_args.frequency_of_the_test",
    ];

    public static readonly string[] Datasets = ["cifar10", "cifar100", "femnist", "mnist", "shakespeare", "stackoverflow_lr"];

    public static readonly string[] Models = ["cnn", "lr", "resnet20", "resnet56", "rnn"];

    /// <summary>Every defense_type of the configs (anomaly_detection ... wise_median), and FedML's other two names of the issue.</summary>
    public static readonly string[] Defenses =
    [
        "anomaly_detection", "cclip", "crfl", "diff_clipping", "foolsgold", "geo_median", "krum", "multikrum", "rfa", "slsgd", "trimmed_mean",
        "wise_median", "3sigma_foolsgold", "3sigma_geo",
    ];

    public static readonly string[] Attacks = ["None", "byzantine", "dlg", "label_flipping", "model_replacement"];
}
