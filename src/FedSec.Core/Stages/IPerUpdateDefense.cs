namespace FedSec.Stages;

/// <summary>
/// A before-aggregation defense that judges and transforms each update on its own: its updates and verdicts for a list
/// are those it gives for each update alone (they depend on that update, the global model and the round, not on the
/// other updates), and it keeps every update (one out per one in). With <c>train_args.exact_sum</c> a round whose
/// before-aggregation defenses are all per-update is aggregated as the updates arrive, one at a time
/// (<c>StreamedRound</c>), holding O(d) memory instead of every update. Norm-difference clipping is one; Krum, the median,
/// FoolsGold and the others that compare updates are not.
/// </summary>
public interface IPerUpdateDefense : IBeforeAggregationDefense
{
}
