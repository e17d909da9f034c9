using FedSec.Defenses.Common;
using FedSec.Components;

namespace FedSec.Defenses.AnomalyDetection;

/// <summary>Registers direction-based anomaly detection as <c>anomaly_detection</c>.</summary>
public static class AnomalyDetectionRegistration
{
    /// <summary>The descriptor of <c>defense_type: anomaly_detection</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "anomaly_detection",
        "Removes updates whose cosine distance to the coordinate-wise median exceeds centre + bound_param*spread of the round's distances.",
        OutlierFilterOptions.Keys,
        OutlierFilterOptions.Read,
        o => new AnomalyDetectionDefense(o));
}
