using FedSec.Data;
using FedSec.Stages;

namespace FedSec.Attacks.AlterMin;

/// <summary>
/// Targeted model poisoning (Bhagoji, Chakraborty, Mittal and Calo, "Analyzing Federated Learning through an
/// Adversarial Lens", ICML 2019). The malicious agent wants chosen test samples (AlterMin's targets, see
/// <see cref="AlterMinTargets"/>) classified as <c>target_label</c> while the global model keeps its accuracy. With
/// <c>alter_min_strategy: boosting</c> it trains on that malicious objective alone and boosts the delta by λ (explicit
/// boosting); with <c>alternating</c> (the default) it first trains honestly on its own data to estimate the benign
/// update, then alternates steps on the stealth objective (its data's loss plus ρ/2·‖w − w_benign‖²) with boosted steps
/// on the malicious objective, which keeps its update close to the benign ones. The training runs at the malicious
/// client (<see cref="IShapesLocalObjective"/>, trained by the model backend). Success is the share of the targeted
/// samples the global model classifies as the target (the run's attack success rate).
/// </summary>
internal sealed class AlterMinAttack : IShapesLocalObjective, IControlsClients, IBackdoorAttack
{
    private readonly AlterMinOptions _options;
    private ImageSet? _targets;

    public AlterMinAttack(AlterMinOptions options) => _options = options;

    public MaliciousClientSpec MaliciousClients => new(_options.ClientNum);

    public int TargetLabel => _options.TargetLabel;

    /// <summary>The targeted samples with their true labels, once the test set has been seen; else null.</summary>
    public ImageSet? Targets => _targets;

    /// <summary>The targeted samples of <paramref name="cleanTest"/> (true labels kept); the attack keeps them as its malicious objective.</summary>
    public ImageSet TriggeredTestSet(ImageSet cleanTest)
    {
        ArgumentNullException.ThrowIfNull(cleanTest);
        _targets = cleanTest.Subset(AlterMinTargets.Select(cleanTest, _options.TargetLabel, _options.Targets));
        return _targets.Clone();
    }

    public AdversarialObjective ObjectiveFor(IClientDataset data, ClientContext context)
    {
        var targets = _targets ?? throw new InvalidOperationException(
            "alter_min's targeted samples come from the test set, which the experiment hands the attack (IBackdoorAttack.TriggeredTestSet) before the first round; it has not.");
        return new AdversarialObjective
        {
            Kind = _options.Strategy == AlterMinStrategy.Alternating ? AdversarialTrainingKind.AlternatingMinimization : AdversarialTrainingKind.ExplicitBoosting,
            Malicious = AlterMinTargets.Relabelled(targets, _options.TargetLabel),
            Boost = _options.Boost,
            Rho = _options.Rho,
            BenignStepsPerMaliciousStep = _options.LocalSteps,
            Epochs = _options.Epochs,
            Optimizer = _options.Optimizer,
            LearningRate = _options.LearningRate,
        };
    }
}
