using FedSec.Components;

namespace FedSec.Defenses.RobustLearningRate;

/// <summary>Registers the robust learning rate as <c>robust_learning_rate</c>.</summary>
public static class RobustLearningRateRegistration
{
    /// <summary>The descriptor of <c>defense_type: robust_learning_rate</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "robust_learning_rate",
        "Per coordinate, flips the server learning rate to -1 where fewer than robust_threshold update signs agree (Ozdayi et al. 2021).",
        RobustLearningRateOptions.Keys,
        RobustLearningRateOptions.Read,
        o => new RobustLearningRateDefense(o));
}
