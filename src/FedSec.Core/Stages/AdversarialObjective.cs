using FedSec.Configuration;
using FedSec.Data;
using FedSec.Parameters;

namespace FedSec.Stages;

/// <summary>
/// A malicious client's own training objective, which replaces plain local training for that client in one round
/// (<see cref="IShapesLocalObjective"/>). The model backend trains it with the configured optimizer, batch size and
/// learning rate (or the objective's own <see cref="Optimizer"/> and <see cref="LearningRate"/>); the objective adds a
/// second set of samples (the malicious objective's), a distance term and, for some kinds, a reference training on the
/// client's clean data.
/// </summary>
public sealed record AdversarialObjective
{
    /// <summary>Which objective to optimise.</summary>
    public required AdversarialTrainingKind Kind { get; init; }

    /// <summary>
    /// The malicious objective's samples with the labels the attacker wants: AlterMin's targeted samples labelled with
    /// the target class, or (3DFed) the client's own images stamped with the trigger and labelled with the target, in the
    /// same order as the client's data.
    /// </summary>
    public required ImageSet Malicious { get; init; }

    /// <summary>λ, the explicit boosting factor of the malicious steps (AlterMin); at least 1.</summary>
    /// <value>The default value is 1.</value>
    public double Boost { get; init; } = 1;

    /// <summary>ρ, the weight of AlterMin's distance term ρ/2·‖w − anchor‖²; 0 turns it off.</summary>
    /// <value>The default value is 0.</value>
    public double Rho { get; init; }

    /// <summary>Stealth-objective steps before each malicious step (AlterMin's <c>ls</c>); at least 1.</summary>
    /// <value>The default value is 1.</value>
    public int BenignStepsPerMaliciousStep { get; init; } = 1;

    /// <summary>Passes over the client's data; 0 uses the configured <c>epochs</c>.</summary>
    /// <value>The default value is 0.</value>
    public int Epochs { get; init; }

    /// <summary>The optimizer of this objective's training (AlterMin's <c>alter_min_optimizer</c>); null: the configured one.</summary>
    /// <value>The default value is null.</value>
    public ClientOptimizer? Optimizer { get; init; }

    /// <summary>The learning rate of this objective's training; null: the configured one.</summary>
    /// <value>The default value is null.</value>
    public double? LearningRate { get; init; }

    /// <summary>3DFed: weight of the clean loss.</summary>
    /// <value>The default value is 0.3 (3DFed's <c>fixed_scales['normal']</c>).</value>
    public double CleanWeight { get; init; } = 0.3;

    /// <summary>3DFed: weight of the backdoor loss.</summary>
    /// <value>The default value is 0.3 (3DFed's <c>fixed_scales['backdoor']</c>).</value>
    public double MaliciousWeight { get; init; } = 0.3;

    /// <summary>3DFed: weight of the Euclidean distance ‖w − G‖₂.</summary>
    /// <value>The default value is 0.4 (3DFed's <c>fixed_scales['eu_constraint']</c>).</value>
    public double DistanceWeight { get; init; } = 0.4;

    /// <summary>
    /// 3DFed: the largest factor the backdoor update is scaled by to reach the benign reference update's norm
    /// (<c>fl_weight_scale</c>); the factor is max(min(‖benign‖/‖backdoor‖, this), 1).
    /// </summary>
    /// <value>The default value is 5.</value>
    public double MaxScale { get; init; } = 5;

    /// <summary>
    /// 3DFed: the layer whose curvature the attacker's side needs (its indicator layer). Before training, at the global
    /// model G, the backend computes Σ over the client's batches (in their stored order, of the configured batch size) of
    /// H·1 for the clean loss and for the backdoor loss (the same batch, <see cref="Malicious"/>), where H is the Hessian
    /// of the batch's mean cross-entropy with respect to this layer's weights (so H·1 is the gradient of the sum of the
    /// layer's gradient), and hands it to <see cref="ReceiveCurvature"/>, one value per coordinate of the layer.
    /// </summary>
    /// <value>The default value is null (no curvature).</value>
    public ParameterEntry? CurvatureLayer { get; init; }

    /// <summary>3DFed: receives the curvature of <see cref="CurvatureLayer"/>; required with it.</summary>
    /// <value>The default value is null.</value>
    public Action<float[]>? ReceiveCurvature { get; init; }

    /// <summary>
    /// 3DFed: when set, the client sends a decoy model trained after its backdoor model instead of the backdoor model
    /// (<see cref="AdversarialTrainingKind.ConstrainedBackdoor"/> only).
    /// </summary>
    /// <value>The default value is null (the backdoor model is sent).</value>
    public DecoyObjective? Decoy { get; init; }

    /// <summary>Chameleon: the two stages' settings; required for <see cref="AdversarialTrainingKind.ContrastiveBackdoor"/>.</summary>
    /// <value>The default value is null.</value>
    public ContrastiveBackdoorSettings? Contrastive { get; init; }

    /// <summary>Every problem with the objective, as sentences naming the property; empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!(Boost >= 1) || !double.IsFinite(Boost))
        {
            problems.Add($"Boost is {Boost}; it must be at least 1 and finite.");
        }

        if (!(Rho >= 0) || !double.IsFinite(Rho))
        {
            problems.Add($"Rho is {Rho}; it must be zero or positive and finite.");
        }

        if (BenignStepsPerMaliciousStep < 1)
        {
            problems.Add($"BenignStepsPerMaliciousStep is {BenignStepsPerMaliciousStep}; it must be at least 1.");
        }

        if (Epochs < 0)
        {
            problems.Add($"Epochs is {Epochs}; it must be 0 (the configured epochs) or more.");
        }

        if (LearningRate is double rate && (!(rate > 0) || !double.IsFinite(rate)))
        {
            problems.Add($"LearningRate is {rate}; it must be positive and finite, or null (the configured learning rate).");
        }

        if (!(MaxScale >= 1) || !double.IsFinite(MaxScale))
        {
            problems.Add($"MaxScale is {MaxScale}; it must be at least 1 and finite.");
        }

        if (Kind == AdversarialTrainingKind.ContrastiveBackdoor)
        {
            if (Contrastive is null)
            {
                problems.Add("Contrastive is null; Chameleon's contrastive backdoor training needs its settings.");
            }
            else
            {
                problems.AddRange(Contrastive.Problems().Select(p => "Contrastive." + p));
            }
        }

        if (Decoy is not null)
        {
            if (Kind != AdversarialTrainingKind.ConstrainedBackdoor)
            {
                problems.Add($"Decoy is set for {Kind}; only 3DFed's ConstrainedBackdoor trains decoys.");
            }

            problems.AddRange(Decoy.Problems().Select(p => "Decoy." + p));
        }

        if ((CurvatureLayer is null) != (ReceiveCurvature is null))
        {
            problems.Add("CurvatureLayer and ReceiveCurvature come together; one of them is null.");
        }

        if (Malicious is null || Malicious.Count == 0)
        {
            problems.Add("Malicious holds no samples; the malicious objective needs at least one.");
        }

        return problems;
    }
}
