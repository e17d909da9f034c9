using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Core.Tests.Simulation;

/// <summary>A model-poisoning attack with a bug: client 0, its one malicious client, sends NaN everywhere.</summary>
internal sealed class NaNAttack : IModelPoisoningAttack, IControlsClients
{
    public MaliciousClientSpec MaliciousClients => new(1, [0]);

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context) =>
        updates.Select(u => context.MaliciousClients.Contains(u.ClientId) ? u with { Weights = u.Weights.Select(_ => float.NaN).ToArray() } : u).ToArray();
}
