namespace FedSec.Configuration;

/// <summary>The server's update rule (<c>train_args.federated_optimizer</c>).</summary>
public enum FederatedOptimizer
{
    /// <summary>FedAvg (McMahan et al. 2017): the new global model is the aggregate.</summary>
    FedAvg,

    /// <summary>FedAvgM (Hsu et al. 2019): server momentum on the aggregate's update.</summary>
    FedAvgM,

    /// <summary>FedAdam (Reddi et al. 2021, FedML's FedOpt): Adam at the server on the aggregate's update.</summary>
    FedAdam,

    /// <summary>FedProx (Li et al. 2020): FedAvg's server with a proximal term in the clients' loss.</summary>
    FedProx,
}
