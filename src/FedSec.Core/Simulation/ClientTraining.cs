using FedSec.Parameters;

namespace FedSec.Simulation;

/// <summary>What the clients of one round produced, up to the first whose local training diverged.</summary>
/// <param name="Updates">The trained clients' updates, in sampling order.</param>
/// <param name="LossSum">The sum of their mean training losses.</param>
/// <param name="Diverged">The divergence that stopped the round, or null.</param>
/// <param name="DivergedWeights">The non-finite local model that diverged, or null.</param>
internal sealed record ClientTraining(IReadOnlyList<ClientUpdate> Updates, double LossSum, Divergence? Diverged, float[]? DivergedWeights);
