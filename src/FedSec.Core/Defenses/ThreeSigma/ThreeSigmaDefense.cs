using FedSec.Aggregation;
using FedSec.Defenses.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.ThreeSigma;

/// <summary>
/// The three-sigma outlier filter (Pukelsheim, "The three sigma rule", The American Statistician 1994, applied to
/// client updates as in FedMLSecurity, Han et al. 2023): each update is scored by its Euclidean distance
/// ‖Δᵢ − m‖ to the coordinate-wise median m of the round's updates (a reference that up to half the clients cannot
/// move far), and updates scoring above centre + λ·spread are removed. Trainable parameters only.
/// </summary>
internal sealed class ThreeSigmaDefense(OutlierFilterOptions options) : IBeforeAggregationDefense
{
    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context) =>
        MedianReferenceFilter.Apply(updates, context, options, (delta, median) => VectorNorms.Distance(delta, median));
}
