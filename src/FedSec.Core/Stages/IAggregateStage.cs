namespace FedSec.Stages;

/// <summary>
/// Runs on the aggregated model right after the aggregation, before the server optimizer and the after-aggregation
/// defenses: central differential privacy's noise, which must go on the aggregate itself so that the server optimizer
/// only post-processes a private value.
/// </summary>
public interface IAggregateStage : IComponent
{
    /// <summary>Changes <paramref name="aggregate"/> (a model, not a delta) in place.</summary>
    void ProcessAggregate(float[] aggregate, RoundContext context);
}
