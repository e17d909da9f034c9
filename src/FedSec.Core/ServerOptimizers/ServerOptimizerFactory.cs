using FedSec.Configuration;

namespace FedSec.ServerOptimizers;

/// <summary>Creates the server optimizer named by <c>train_args.federated_optimizer</c>.</summary>
public static class ServerOptimizerFactory
{
    /// <summary>FedAvg and FedProx use the plain aggregate; FedAvgM adds momentum; FedAdam / FedOpt is adaptive.</summary>
    public static IServerOptimizer Create(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.FederatedOptimizer.ToLowerInvariant() switch
        {
            "fedavg" or "fedprox" => new FedAvgServer(),
            "fedavgm" => new FedAvgMServer(config.ServerLr, config.ServerMomentum),
            "fedadam" or "fedopt" => new FedAdamServer(config.ServerLr, config.ServerBeta1, config.ServerBeta2, config.ServerEpsilon),
            _ => throw new ConfigException("train_args.federated_optimizer", $"'{config.FederatedOptimizer}' is not known; expected FedAvg, FedAvgM, FedAdam, FedOpt or FedProx."),
        };
    }
}
