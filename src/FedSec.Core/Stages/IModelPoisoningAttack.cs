using FedSec.Parameters;

namespace FedSec.Stages;

/// <summary>
/// A model-poisoning attack (FedMLSecurity's <c>attack_model</c>): runs at the server before aggregation, sees every
/// update of the round and the global model, and replaces the updates of <see cref="RoundContext.MaliciousClients"/>.
/// </summary>
public interface IModelPoisoningAttack : IAttack
{
    /// <summary>Returns the round's updates, in the same order, with the malicious clients' updates replaced.</summary>
    IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context);
}
