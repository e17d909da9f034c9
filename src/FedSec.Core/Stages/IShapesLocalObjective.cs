using FedSec.Data;

namespace FedSec.Stages;

/// <summary>
/// An attack whose malicious clients train on their own objective instead of the plain local loss (AlterMin's
/// alternating minimisation, 3DFed's constrained backdoor training). The engine asks it once per malicious client and
/// round, before training, with that client's data (after any data poisoning); benign clients train as configured.
/// </summary>
public interface IShapesLocalObjective : IAttack
{
    /// <summary>The objective for this malicious client's training in this round, or null to train normally.</summary>
    AdversarialObjective? ObjectiveFor(IClientDataset data, ClientContext context);
}
