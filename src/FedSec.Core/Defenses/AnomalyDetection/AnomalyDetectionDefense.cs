using FedSec.Aggregation;
using FedSec.Defenses.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.AnomalyDetection;

/// <summary>
/// Direction-based anomaly detection, FedSec's version of FedMLSecurity's <c>anomaly_detection</c> (Han et al. 2023):
/// each update is scored by its cosine distance 1 − cos(Δᵢ, m) to the coordinate-wise median m of the round's
/// updates, and updates scoring above centre + λ·spread are removed (the three-sigma rule). Unlike <c>3sigma</c>'s
/// Euclidean score it ignores scale, so it catches updates that point elsewhere (sign flips, wrong labels) whatever
/// their norm. Trainable parameters only.
/// </summary>
internal sealed class AnomalyDetectionDefense(OutlierFilterOptions options) : IBeforeAggregationDefense
{
    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context) =>
        MedianReferenceFilter.Apply(updates, context, options, (delta, median) => 1.0 - CosineSimilarity.Of(delta, median));
}
