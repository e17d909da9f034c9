using FedSec.Data;

namespace FedSec.Simulation.Metrics;

/// <summary>
/// The backdoor's attack success rate: the share of triggered test images (true class ≠ target) that the global model
/// classifies as the target (<c>attack_success_rate</c>), next to clean accuracy.
/// </summary>
internal sealed class AttackSuccessRateMetric : IRoundMetric
{
    private readonly ImageSet _triggered;
    private readonly int _target;

    public AttackSuccessRateMetric(ImageSet triggered, int target)
    {
        _triggered = triggered;
        _target = target;
    }

    public void Compute(float[] global, Evaluation evaluation, IModelBackend backend, IDictionary<string, double> metrics)
    {
        metrics["attack_success_rate"] = _triggered.Count == 0 ? double.NaN : backend.Evaluate(global, _triggered).PredictedShare(_target);
    }
}
