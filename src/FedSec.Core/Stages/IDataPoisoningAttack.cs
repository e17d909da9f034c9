using FedSec.Data;

namespace FedSec.Stages;

/// <summary>
/// A data-poisoning attack (FedMLSecurity's <c>poison_data</c>): runs at a malicious client before local training,
/// on that client's own copy of its training set. The global test set is never passed here.
/// </summary>
public interface IDataPoisoningAttack : IAttack
{
    /// <summary>Returns the poisoned training set (a new set or <paramref name="data"/> changed in place).</summary>
    ImageSet PoisonData(ImageSet data, ClientContext context);
}
