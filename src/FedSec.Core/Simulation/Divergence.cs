namespace FedSec.Simulation;

/// <summary>
/// Why and where a run diverged: honest computation (a client's local training, or the aggregation and server update
/// of finite updates) produced a non-finite model. A diverged run stops after recording that round; it is a result,
/// not an error. A non-finite output of an attack or a defense is not a divergence but an error in that component.
/// </summary>
/// <param name="Round">The zero-based round in which it happened (the run's last round).</param>
/// <param name="Stage"><see cref="LocalTraining"/> or <see cref="Aggregation"/>.</param>
/// <param name="ClientId">The client whose local training diverged; null for the aggregation and for the server's own training.</param>
/// <param name="Reason">A sentence naming the first non-finite value and where it is, e.g. "client 3's local training produced NaN at conv1.weight[17]".</param>
public sealed record Divergence(int Round, string Stage, int? ClientId, string Reason)
{
    /// <summary>The stage of a client's (or the server's root-set) local training.</summary>
    public const string LocalTraining = "local training";

    /// <summary>The stage from the aggregation of finite updates to the new global model (server optimizer, after-aggregation defenses).</summary>
    public const string Aggregation = "aggregation";
}
