using P = FedSec.Configuration.EngineParameters;
using S = FedSec.Configuration.ConfigSections;

namespace FedSec.Configuration;

/// <summary>
/// What each <c>federated_optimizer</c> assumes of the other keys: FedSGD's clients take one SGD step (and client
/// momentum and server weight decay are FedSGD's only), FedNova normalises SGD's local steps, the asynchronous
/// optimizers need a staleness model (and FedAsync consumes one update per server step), and a staleness model means
/// nothing to a synchronous run. Each violation names the key to change.
/// </summary>
internal static class OptimizerCheck
{
    public static void Check(SectionReader r, ExperimentConfig c)
    {
        if (r.Failed(P.FederatedOptimizer))
        {
            return;
        }

        string optimizer = P.FederatedOptimizer.Canonical(c.FederatedOptimizer);
        string key = r.QualifiedKey(P.FederatedOptimizer, S.Train);
        if (c.FederatedOptimizer is FederatedOptimizer.FedSgd or FederatedOptimizer.FedNova && !r.Failed(P.ClientOptimizer) && c.ClientOptimizer != ClientOptimizer.Sgd)
        {
            string why = c.FederatedOptimizer == FederatedOptimizer.FedSgd ? "FedSGD's clients take one SGD step" : "FedNova normalises each client's update by its SGD steps";
            r.Report(P.ClientOptimizer, S.Train, $"{why} ({key} = {optimizer}); use client_optimizer: sgd.");
        }

        if (c.FederatedOptimizer == FederatedOptimizer.FedSgd && !r.Failed(P.Epochs) && c.Epochs != 1)
        {
            r.Report(P.Epochs, S.Train, $"FedSGD's clients take one step on one mini-batch ({key} = {optimizer}), so {c.Epochs} local epochs mean nothing; use epochs: 1, or FedAvg for several local epochs.");
        }

        if (c.FederatedOptimizer != FederatedOptimizer.FedSgd && !r.Failed(P.ClientMomentum) && c.ClientMomentum != 0)
        {
            r.Report(P.ClientMomentum, S.Train, $"client momentum averages each client's one-step FedSGD updates across rounds, not {key} = {optimizer}'s; use federated_optimizer: FedSGD, or client_momentum: 0 (momentum within local training is train_args.momentum).");
        }

        if (c.FederatedOptimizer != FederatedOptimizer.FedSgd && !r.Failed(P.ServerWeightDecay) && c.ServerWeightDecay != 0)
        {
            r.Report(P.ServerWeightDecay, S.Train, $"the server's weight decay belongs to FedSGD's server SGD step, not to {key} = {optimizer}; use federated_optimizer: FedSGD, or server_weight_decay: 0 (the clients' decay is train_args.weight_decay).");
        }

        if (c.FederatedOptimizer != FederatedOptimizer.FedAsync && !r.Failed(P.AsyncRho) && c.AsyncRho != 0)
        {
            r.Report(P.AsyncRho, S.Train, $"async_rho is the proximal weight of FedAsync's local objective, not {key} = {optimizer}'s; use federated_optimizer: FedAsync, or fedprox_mu with FedProx.");
        }

        if (r.Failed(P.StalenessModel))
        {
            return;
        }

        if (c.IsAsynchronous && c.StalenessModel == StalenessModel.None)
        {
            r.Report(P.StalenessModel, S.Train, $"an asynchronous run ({key} = {optimizer}) needs a staleness model: set staleness_model to uniform or fixed (with max_staleness).");
        }
        else if (!c.IsAsynchronous && c.StalenessModel != StalenessModel.None)
        {
            r.Report(P.StalenessModel, S.Train, $"a staleness model applies to the asynchronous optimizers only, not to {key} = {optimizer}; use federated_optimizer: FedAsync or FedBuff, or staleness_model: none.");
        }

        if (c.FederatedOptimizer == FederatedOptimizer.FedAsync && !r.Failed(P.ClientNumPerRound) && c.ClientNumPerRound != 1)
        {
            r.Report(P.ClientNumPerRound, S.Train, $"FedAsync mixes one client's update into the global model per server step ({key} = {optimizer}); use client_num_per_round: 1, or FedBuff to buffer {c.ClientNumPerRound} updates per step.");
        }
    }
}
