namespace FedSec.Stages;

/// <summary>
/// An attack whose malicious clients constrain their own local training (<see cref="ILocalModelConstraint"/>). The
/// engine asks it once per malicious client and round, before training; benign clients train unconstrained.
/// </summary>
public interface IConstrainsLocalTraining : IAttack
{
    /// <summary>The constraint for this malicious client's training in this round, or null for none.</summary>
    ILocalModelConstraint? ConstraintFor(ClientContext context);
}
