namespace FedSec.Stages;

/// <summary>Which objective a malicious client's own training optimises (<see cref="AdversarialObjective"/>).</summary>
public enum AdversarialTrainingKind
{
    /// <summary>
    /// Bhagoji et al.'s explicit boosting (ICML 2019): train on the malicious objective alone from the global model and
    /// send the boosted delta λ·(w − G).
    /// </summary>
    ExplicitBoosting,

    /// <summary>
    /// Bhagoji et al.'s alternating minimisation with the distance term: steps on the stealth objective (the loss on
    /// the client's own data plus ρ/2·‖w − anchor‖², the anchor being its own benign training's model) alternate with
    /// boosted steps on the malicious objective.
    /// </summary>
    AlternatingMinimization,

    /// <summary>
    /// 3DFed's backdoor training with constrained loss (Li et al., S&amp;P 2023): a weighted sum of the clean loss, the
    /// backdoor loss and the Euclidean distance ‖w − G‖₂, then the update scaled up towards the norm of the client's own
    /// benign reference update.
    /// </summary>
    ConstrainedBackdoor,

    /// <summary>
    /// Chameleon's two-stage backdoor training (Dai and Li, ICML 2023): the encoder trained with a supervised-contrastive
    /// loss on the client's poisoned data (poisoned samples drawn to the target class's benign samples, away from their
    /// own class's), then the classifier head alone trained with cross-entropy on the same data, the encoder frozen
    /// (<see cref="ContrastiveBackdoorSettings"/>).
    /// </summary>
    ContrastiveBackdoor,
}
