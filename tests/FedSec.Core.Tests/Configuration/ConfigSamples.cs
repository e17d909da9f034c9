namespace FedSec.Core.Tests.Configuration;

/// <summary>Configurations shared by the configuration tests.</summary>
internal static class ConfigSamples
{
    public static readonly string[] Models = { "lr", "mlp", "cnn", "resnet20" };

    public static readonly string[] Datasets = { "mnist", "fashion_mnist", "cifar10" };

    /// <summary>A file as FedML's own cross-silo security examples write it, with every section.</summary>
    public const string FedMLStyle = """
        common_args:
          training_type: "cross_silo"
          random_seed: 7

        environment_args:
          bootstrap: config/bootstrap.sh

        data_args:
          dataset: "mnist"
          data_cache_dir: ~/fedml_data
          partition_method: "hetero"
          partition_alpha: 0.3

        model_args:
          model: "cnn"

        train_args:
          federated_optimizer: "FedAvg"
          client_id_list:
          client_num_in_total: 20
          client_num_per_round: 10
          comm_round: 12
          epochs: 2
          batch_size: 10
          client_optimizer: sgd
          learning_rate: 0.03
          weight_decay: 0.001

        validation_args:
          frequency_of_the_test: 2

        device_args:
          worker_num: 10
          using_gpu: false
          gpu_mapping_file: config/gpu_mapping.yaml
          gpu_mapping_key: mapping_default

        comm_args:
          backend: "MQTT_S3"

        tracking_args:
          enable_wandb: false
          wandb_project: fedml

        attack_args:
          enable_attack: true
          attack_type: byzantine
          attack_mode: flip
          byzantine_client_num: 2

        defense_args:
          enable_defense: true
          defense_type: krum
          krum_param_m: 3
        """;
}
