namespace FedSec.Configuration;

/// <summary>The clients' optimizer (<c>train_args.client_optimizer</c>).</summary>
public enum ClientOptimizer
{
    /// <summary>Stochastic gradient descent, with <c>momentum</c> and <c>weight_decay</c>.</summary>
    Sgd,

    /// <summary>Adam (AMSGrad, as FedML's client Adam), with <c>weight_decay</c>.</summary>
    Adam,

    /// <summary>AdamW (decoupled weight decay; Loshchilov and Hutter, ICLR 2019), FedLLM's optimizer, with <c>weight_decay</c>.</summary>
    AdamW,
}
