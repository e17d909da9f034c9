namespace FedSec.Stages;

/// <summary>
/// The server's own training on its clean root set (<see cref="RoundContext.ServerTrainer"/>): the trained weights,
/// and, when that honest training turned the model non-finite, why. A defense that gets a diverged training stops and
/// returns an outcome saying so (<see cref="AggregationOutcome.Stopped"/>, <see cref="DefenseOutcome.Stopped"/>); the
/// engine records the round as diverged instead of blaming the defense.
/// </summary>
/// <param name="Weights">The trained flat model (non-finite when <see cref="DivergedReason"/> is set).</param>
/// <param name="DivergedReason">A sentence naming the first non-finite value; null when the training stayed finite.</param>
public sealed record ServerTraining(float[] Weights, string? DivergedReason)
{
    /// <summary>Whether the training turned the model non-finite.</summary>
    public bool Diverged => DivergedReason is not null;
}
