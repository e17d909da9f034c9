namespace FedSec.Configuration;

/// <summary>
/// How stale an asynchronous run's updates are (<c>train_args.staleness_model</c>): the number of server steps between
/// the model version a client was dispatched with and the step that consumes its update, drawn per (step, client) from
/// the seed.
/// </summary>
public enum StalenessModel
{
    /// <summary>No staleness model: a synchronous run (FedAsync and FedBuff need another value).</summary>
    None,

    /// <summary>Uniform on {0, …, <c>max_staleness</c>}, as in Xie et al.'s experiments.</summary>
    Uniform,

    /// <summary>Always <c>max_staleness</c> (a fixed delay).</summary>
    Fixed,
}
