using FedSec.Attacks.EdgeCase;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Torch.Triggers.Iba;

/// <summary>
/// IBA's constraint on the attacker's local training, after every optimizer step: the frozen (high-importance)
/// coordinates are reset to the global model (<see cref="IbaMask"/>), then the model is projected onto the L2 ball of
/// radius <c>pgd_eps</c> around the global model (<see cref="L2BallProjection"/>), so the update is small and lives
/// where benign updates rarely overwrite it.
/// </summary>
internal sealed class IbaConstraint(bool[]? frozen, double radius) : ILocalModelConstraint
{
    public int StepInterval => 1;

    public void Apply(Span<float> weights, ReadOnlySpan<float> global, ParameterLayout layout)
    {
        if (frozen is not null)
        {
            for (int k = 0; k < weights.Length; k++)
            {
                if (frozen[k])
                {
                    weights[k] = global[k];
                }
            }
        }

        L2BallProjection.Project(weights, global, layout, radius);
    }
}
