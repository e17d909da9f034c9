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

    /// <summary>
    /// FedNova (Wang et al., NeurIPS 2020): each client's update is normalised by its local steps (aᵢ = τᵢ for plain
    /// SGD, momentum-aware with client momentum) and the server steps by τ_eff = Σ pᵢaᵢ along their weighted mean.
    /// </summary>
    FedNova,

    /// <summary>FedSGD (McMahan et al. 2017): each client takes one local SGD step on one mini-batch; FedAvg's server.</summary>
    FedSgd,

    /// <summary>
    /// FedAsync (Xie, Koyejo and Gupta 2019): one update per server step, mixed in as G ← (1 − αₜ)G + αₜ·w with
    /// αₜ = α·s(t − τ) for the update's staleness t − τ.
    /// </summary>
    FedAsync,

    /// <summary>
    /// FedBuff (Nguyen et al., AISTATS 2022): the server buffers K = <c>client_num_per_round</c> stale updates, each
    /// rebased on the current model and scaled by s(staleness), and steps by <c>server_lr</c> along their mean.
    /// </summary>
    FedBuff,
}
