namespace FedSec.Simulation;

/// <summary>
/// Why and where a run diverged: honest computation (a client's local training, or the aggregation and server update
/// of finite updates) produced a non-finite model. A diverged run stops after recording that round; it is a result,
/// not an error. A non-finite output of an attack or a defense is not a divergence but an error in that component.
/// </summary>
/// <param name="Round">The zero-based round in which it happened (the run's last round).</param>
/// <param name="Stage">Local training or the aggregation.</param>
/// <param name="ClientId">The client whose local training diverged; null for the aggregation and for the server's own training.</param>
/// <param name="Reason">A sentence naming the first non-finite value and where it is, e.g. "client 3's local training produced NaN at conv1.weight[17]".</param>
public sealed record Divergence(int Round, DivergenceStage Stage, int? ClientId, string Reason);
