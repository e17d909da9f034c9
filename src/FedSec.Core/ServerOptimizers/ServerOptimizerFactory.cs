using FedSec.Configuration;

namespace FedSec.ServerOptimizers;

/// <summary>Creates the server optimizer named by <c>train_args.federated_optimizer</c>.</summary>
public static class ServerOptimizerFactory
{
    /// <summary>FedAvg, FedProx and FedSGD use the plain aggregate (FedSGD with client momentum or server weight decay, ByzFL's loop); FedAvgM adds momentum; FedAdam (FedML's FedOpt) is adaptive; FedNova normalises by local steps; FedAsync mixes and FedBuff steps along stale updates.</summary>
    public static IServerOptimizer Create(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.FederatedOptimizer switch
        {
            FederatedOptimizer.FedSgd when config.ClientMomentum > 0 || config.ServerWeightDecay > 0 => new FedSgdServer(config.ClientMomentum, config.LearningRate, config.ServerWeightDecay),
            FederatedOptimizer.FedAvg or FederatedOptimizer.FedProx or FederatedOptimizer.FedSgd => new FedAvgServer(),
            FederatedOptimizer.FedAvgM => new FedAvgMServer(config.ServerLr, config.ServerMomentum),
            FederatedOptimizer.FedAdam => new FedAdamServer(config.ServerLr, config.ServerBeta1, config.ServerBeta2, config.ServerEpsilon),
            FederatedOptimizer.FedNova => new FedNovaServer(config.Epochs, config.BatchSize, config.ClientOptimizer == ClientOptimizer.Sgd ? config.Momentum : 0),
            FederatedOptimizer.FedAsync => new FedAsyncServer(config),
            FederatedOptimizer.FedBuff => new FedBuffServer(config),
            _ => throw new ArgumentOutOfRangeException(nameof(config), config.FederatedOptimizer, "No server optimizer for this federated optimizer."),
        };
    }
}
