using FedSec.Data;
using FedSec.Stages;

namespace FedSec.Simulation.Metrics;

/// <summary>
/// The attack success rate of a backdoor whose trigger changes (<see cref="IAdaptiveBackdoorAttack"/>): as
/// <see cref="AttackSuccessRateMetric"/>, with the triggered test set rebuilt from the clean test set whenever the
/// attacker's trigger has changed since the last evaluation, so each round is measured with the latest trigger.
/// </summary>
internal sealed class AdaptiveAttackSuccessRateMetric : IRoundMetric
{
    private readonly IAdaptiveBackdoorAttack _attack;
    private readonly ImageSet _clean;
    private ImageSet? _triggered;
    private long _version;

    public AdaptiveAttackSuccessRateMetric(IAdaptiveBackdoorAttack attack, ImageSet clean)
    {
        _attack = attack;
        _clean = clean;
    }

    public void Compute(float[] global, Evaluation evaluation, IModelBackend backend, IDictionary<string, double> metrics)
    {
        long version = _attack.TriggerVersion;
        if (_triggered is null || version != _version)
        {
            _triggered = _attack.TriggeredTestSet(_clean);
            _version = version;
        }

        metrics["attack_success_rate"] = _triggered.Count == 0 ? double.NaN : backend.Evaluate(global, _triggered).PredictedShare(_attack.TargetLabel);
    }
}
