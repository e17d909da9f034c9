using FedSec.Parameters;

namespace FedSec.Stages;

/// <summary>
/// Runs on the server on the updates as received (after the model-poisoning attack, whose updates the malicious clients
/// send) and before the first defense: FedML's place for differential privacy's clipping. Gives no verdicts.
/// </summary>
public interface IServerUpdateStage : IComponent
{
    /// <summary>Returns the updates to pass on, one per input, in order.</summary>
    IReadOnlyList<ClientUpdate> ProcessUpdates(IReadOnlyList<ClientUpdate> updates, RoundContext context);
}
