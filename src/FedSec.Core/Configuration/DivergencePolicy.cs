namespace FedSec.Configuration;

/// <summary>
/// <c>train_args.on_divergence</c> (FedSec's): what a round does when an honest client's local training diverged (its
/// model non-finite). A malicious client's divergence is always left out of its round.
/// </summary>
public enum DivergencePolicy
{
    /// <summary>
    /// <c>end</c>, the default: the run diverges there (the global model is broken); the round is evaluated on the
    /// diverged model. A distributed server trusts its node's report of it: a compromised node can end the run with one.
    /// </summary>
    EndRun,

    /// <summary>
    /// <c>drop</c>: the client is left out of the round like an attacker's divergence and the round goes on; the run
    /// diverges only when every update of a round diverged. A node cannot end a distributed run alone.
    /// </summary>
    Drop,
}
