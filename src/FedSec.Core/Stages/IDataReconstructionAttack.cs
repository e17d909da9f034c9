using FedSec.Parameters;

namespace FedSec.Stages;

/// <summary>
/// A data-reconstruction attack (FedMLSecurity's <c>reconstruct_data</c>): a passive adversary at the server that
/// observes the global model and the round's local models and never changes them.
/// </summary>
public interface IDataReconstructionAttack : IAttack
{
    /// <summary>Observes the round; returns one report per client it attacked (none in rounds it skips).</summary>
    IReadOnlyList<ReconstructionReport> ReconstructData(IReadOnlyList<ClientUpdate> updates, RoundContext context);
}
