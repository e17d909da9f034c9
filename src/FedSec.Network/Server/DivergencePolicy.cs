namespace FedSec.Network.Server;

/// <summary>
/// What the server does with a node's report that an honest client's local training diverged (its update non-finite).
/// A malicious client's divergence is always left out of its round.
/// </summary>
public enum DivergencePolicy
{
    /// <summary>
    /// The run diverges there, as in the simulation (the global model is broken). The server trusts the report: a
    /// compromised node can end the run with one.
    /// </summary>
    EndRun,

    /// <summary>
    /// The client is left out of the round and the round goes on; the run diverges only when every update of a round
    /// diverged. A node cannot end the run alone; the run differs from the simulation in a round where some but not all
    /// honest clients diverge.
    /// </summary>
    Drop,
}
