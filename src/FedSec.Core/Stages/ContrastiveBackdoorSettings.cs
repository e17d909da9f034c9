namespace FedSec.Stages;

/// <summary>
/// The settings of Chameleon's two-stage training (<see cref="AdversarialTrainingKind.ContrastiveBackdoor"/>; Dai and
/// Li, ICML 2023): a supervised-contrastive stage on the encoder, then a cross-entropy stage on the classifier head
/// with the encoder frozen. Defaults are those of the authors' CIFAR-10 pixel-pattern configuration
/// (<c>utils/params_pixel_trigger_cifar10.yaml</c> of <c>ybdai7/Chameleon-durable-backdoor</c>; their EMNIST one differs
/// only in its ten times larger learning rates, which drive FedML's CNN, without batch normalisation, to the projection
/// bound with a head cross-entropy above 50; see docs/attacks/backdoors.md).
/// </summary>
public sealed record ContrastiveBackdoorSettings
{
    /// <summary>The base temperature of the authors' <c>SupConLoss</c>: the loss is multiplied by τ / 0.07.</summary>
    public const double BaseTemperature = 0.07;

    /// <summary>The target label: its samples are the facilitators, and their positive terms get <see cref="FacilitatorWeight"/>.</summary>
    public required int FacilitatorLabel { get; init; }

    /// <summary>τ, the temperature of the supervised-contrastive loss.</summary>
    /// <value>The default value is 0.07 (the authors' <c>SupConLoss</c>).</value>
    public double Temperature { get; init; } = 0.07;

    /// <summary>The weight of the positive terms of anchors labelled <see cref="FacilitatorLabel"/> (poisoned and facilitators).</summary>
    /// <value>The default value is 6 (<c>contrastive_loss_scale_weight</c>).</value>
    public double FacilitatorWeight { get; init; } = 6;

    /// <summary>Passes of the contrastive stage over the client's poisoned data.</summary>
    /// <value>The default value is 10 (<c>retrain_poison_contrastive</c>).</value>
    public int ContrastiveEpochs { get; init; } = 10;

    /// <summary>The contrastive stage's SGD learning rate.</summary>
    /// <value>The default value is 0.005 (<c>poison_lr_contrastive</c>).</value>
    public double ContrastiveLearningRate { get; init; } = 0.005;

    /// <summary>Epochs (1-based) from which the contrastive stage's learning rate is multiplied by <see cref="ContrastiveGamma"/> once more.</summary>
    /// <value>The default value is 3, 5, 7, 9 (<c>milestones_conrtastive</c>).</value>
    public IReadOnlyList<int> ContrastiveMilestones { get; init; } = [3, 5, 7, 9];

    /// <summary>The contrastive stage's learning-rate factor at each milestone.</summary>
    /// <value>The default value is 0.1 (<c>lr_gamma_contrastive</c>).</value>
    public double ContrastiveGamma { get; init; } = 0.1;

    /// <summary>Passes of the head stage over the client's poisoned data.</summary>
    /// <value>The default value is 3 (<c>retrain_poison</c>).</value>
    public int HeadEpochs { get; init; } = 3;

    /// <summary>The head stage's SGD learning rate.</summary>
    /// <value>The default value is 0.001 (<c>poison_lr</c>).</value>
    public double HeadLearningRate { get; init; } = 0.001;

    /// <summary>Epochs (1-based) from which the head stage's learning rate is multiplied by <see cref="HeadGamma"/> once more.</summary>
    /// <value>The default value is 3, 5 (<c>milestones</c>).</value>
    public IReadOnlyList<int> HeadMilestones { get; init; } = [3, 5];

    /// <summary>The head stage's learning-rate factor at each milestone.</summary>
    /// <value>The default value is 0.005 (<c>lr_gamma</c>).</value>
    public double HeadGamma { get; init; } = 0.005;

    /// <summary>SGD momentum of both stages.</summary>
    /// <value>The default value is 0.9 (<c>momentum_contrastive</c>, <c>momentum</c>).</value>
    public double Momentum { get; init; } = 0.9;

    /// <summary>SGD weight decay of both stages.</summary>
    /// <value>The default value is 0.0005 (<c>decay_contrastive</c>, <c>decay</c>).</value>
    public double WeightDecay { get; init; } = 0.0005;

    /// <summary>
    /// After every step, the model is projected back into the ball of this radius around the global model (over the
    /// trainable parameters); 0 turns the projection off.
    /// </summary>
    /// <value>The default value is 5 (<c>s_norm</c>, <c>s_norm_contrastive</c>, with <c>diff_privacy: true</c>).</value>
    public double ProjectionNorm { get; init; } = 5;

    /// <summary>The learning rate of <paramref name="epoch"/> (1-based) after <paramref name="milestones"/>, as PyTorch's <c>MultiStepLR</c> stepped at the start of each epoch.</summary>
    public static double ScheduledRate(double rate, IReadOnlyList<int> milestones, double gamma, int epoch)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        int passed = milestones.Count(m => m <= epoch);
        return rate * Math.Pow(gamma, passed);
    }

    /// <summary>Every problem with the settings, as sentences naming the property; empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Positive(problems, nameof(Temperature), Temperature);
        Positive(problems, nameof(ContrastiveLearningRate), ContrastiveLearningRate);
        Positive(problems, nameof(HeadLearningRate), HeadLearningRate);
        Positive(problems, nameof(ContrastiveGamma), ContrastiveGamma);
        Positive(problems, nameof(HeadGamma), HeadGamma);
        if (!(FacilitatorWeight >= 0) || !double.IsFinite(FacilitatorWeight))
        {
            problems.Add($"FacilitatorWeight is {FacilitatorWeight}; it must be zero or positive and finite.");
        }

        if (ContrastiveEpochs < 0 || HeadEpochs < 0)
        {
            problems.Add($"ContrastiveEpochs is {ContrastiveEpochs} and HeadEpochs is {HeadEpochs}; neither may be negative.");
        }

        if (!(Momentum >= 0 && Momentum < 1) || !(WeightDecay >= 0) || !double.IsFinite(WeightDecay))
        {
            problems.Add($"Momentum is {Momentum} and WeightDecay is {WeightDecay}; momentum must be in [0, 1) and weight decay zero or positive.");
        }

        if (!(ProjectionNorm >= 0) || !double.IsFinite(ProjectionNorm))
        {
            problems.Add($"ProjectionNorm is {ProjectionNorm}; it must be 0 (off) or positive and finite.");
        }

        if (FacilitatorLabel < 0)
        {
            problems.Add($"FacilitatorLabel is {FacilitatorLabel}; it must be a class index.");
        }

        return problems;
    }

    private static void Positive(List<string> problems, string name, double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            problems.Add($"{name} is {value}; it must be positive and finite.");
        }
    }
}
