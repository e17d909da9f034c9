namespace FedSec.Torch.Training;

/// <summary>The client optimizer (<c>train_args.client_optimizer</c>).</summary>
public enum LocalOptimizer
{
    /// <summary>Stochastic gradient descent, with optional momentum and weight decay (<c>sgd</c>).</summary>
    Sgd,

    /// <summary>Adam (Kingma and Ba, 2015), with optional weight decay and AMSGrad (<c>adam</c>).</summary>
    Adam,
}
