using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Core.Tests.Simulation;

/// <summary>A model-poisoning attack that changes nothing: it makes one client malicious and records which clients' updates each round hands it.</summary>
internal sealed class WatchingAttack(int malicious) : IModelPoisoningAttack, IControlsClients
{
    public MaliciousClientSpec MaliciousClients => new(1, [malicious]);

    /// <summary>The clients of the updates each call received, in call order.</summary>
    public List<int[]> Seen { get; } = [];

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        Seen.Add(updates.Select(u => u.ClientId).ToArray());
        return updates;
    }
}
