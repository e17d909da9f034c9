namespace FedSec.Stages;

/// <summary>
/// A backdoor whose trigger changes during the run (A3FL and IBA optimise it against the global model every round the
/// attacker is active). The attack success rate is measured with the attacker's latest trigger: the engine rebuilds
/// <see cref="IBackdoorAttack.TriggeredTestSet"/> whenever <see cref="TriggerVersion"/> changes.
/// </summary>
public interface IAdaptiveBackdoorAttack : IBackdoorAttack
{
    /// <summary>Changes (to any other value) whenever the trigger changes, including when it is read from a checkpoint.</summary>
    long TriggerVersion { get; }
}
