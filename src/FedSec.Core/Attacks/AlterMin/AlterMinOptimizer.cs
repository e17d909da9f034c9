namespace FedSec.Attacks.AlterMin;

/// <summary>The optimizer the AlterMin attacker trains with (<c>alter_min_optimizer</c>).</summary>
public enum AlterMinOptimizer
{
    /// <summary>The configured <c>train_args.client_optimizer</c>, as every client trains.</summary>
    Client,

    /// <summary>SGD (with the configured momentum and weight decay).</summary>
    Sgd,

    /// <summary>Adam (with the configured weight decay and amsgrad): the authors' agents trained with it, η = 10⁻³.</summary>
    Adam,

    /// <summary>AdamW.</summary>
    AdamW,
}
