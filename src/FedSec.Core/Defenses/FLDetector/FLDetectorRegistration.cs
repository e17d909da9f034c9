using FedSec.Components;

namespace FedSec.Defenses.FLDetector;

/// <summary>Registers FLDetector as <c>fldetector</c>.</summary>
public static class FLDetectorRegistration
{
    /// <summary>The descriptor of <c>defense_type: fldetector</c> (before aggregation, keeps state across rounds).</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "fldetector",
        "Predicts each client's update with an L-BFGS Hessian estimate, averages the prediction errors over fldetector_window rounds and removes the high-score cluster when the gap statistic finds more than one (Zhang et al. 2022).",
        FLDetectorOptions.Keys,
        FLDetectorOptions.Read,
        o => new FLDetectorDefense(o));
}
