using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Data.Text;
using FedSec.Stages;

namespace FedSec.Simulation.Metrics;

/// <summary>The metrics an experiment's attack calls for: attack success rate for backdoors (images and text), source-class recall for label flipping.</summary>
public static class StandardMetrics
{
    /// <summary>The metrics for <paramref name="setup"/>'s attack, measured on <paramref name="test"/> (which stays unchanged).</summary>
    public static IReadOnlyList<IRoundMetric> For(ExperimentSetup setup, IClientDataset test)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(test);
        var metrics = new List<IRoundMetric>();
        if (setup.Attack?.Instance is IAdaptiveBackdoorAttack adaptive && test is ImageSet clean)
        {
            metrics.Add(new AdaptiveAttackSuccessRateMetric(adaptive, clean));
        }
        else if (setup.Attack?.Instance is IBackdoorAttack backdoor && test is ImageSet images)
        {
            metrics.Add(new AttackSuccessRateMetric(backdoor.TriggeredTestSet(images), backdoor.TargetLabel));
        }

        if (setup.Attack?.Instance is ITextBackdoorAttack text && test is TokenSequenceSet sequences)
        {
            metrics.Add(new TextAttackSuccessRateMetric(text, sequences));
        }

        if (setup.Attack?.Instance is ILabelFlippingAttack flipping)
        {
            metrics.Add(new LabelFlipMetric(flipping.Flips));
        }

        return metrics;
    }
}
