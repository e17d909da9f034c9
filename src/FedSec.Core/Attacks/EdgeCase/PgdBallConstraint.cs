using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.EdgeCase;

/// <summary>
/// The edge-case attacker's projected gradient descent (Wang et al., "Attack of the Tails", NeurIPS 2020): during
/// local training its model is projected back into the L2 ball of radius ε around the global model every
/// <see cref="StepInterval"/> steps and at the end of each epoch, so the update it sends has norm at most ε and slips
/// under norm-based defenses.
/// </summary>
internal sealed class PgdBallConstraint : ILocalModelConstraint
{
    public PgdBallConstraint(double epsilon, int stepInterval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepInterval, 1);
        Epsilon = epsilon;
        StepInterval = stepInterval;
    }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    public int StepInterval { get; }

    public void Apply(Span<float> weights, ReadOnlySpan<float> global, ParameterLayout layout) =>
        L2BallProjection.Project(weights, global, layout, Epsilon);
}
