using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.Neurotoxin;

/// <summary>
/// Neurotoxin's projection during local training: the frozen coordinates are reset to the global model after the
/// optimizer's steps (every step), so the attacker's update lives only on the coordinates benign clients change least.
/// The mask comes from the attack's memory of the global models it has seen (<see cref="NeurotoxinAttack.FrozenFor"/>).
/// </summary>
internal sealed class NeurotoxinConstraint(NeurotoxinAttack attack, int round) : ILocalModelConstraint
{
    public int StepInterval => 1;

    public void Apply(Span<float> weights, ReadOnlySpan<float> global, ParameterLayout layout)
    {
        var frozen = attack.FrozenFor(round, global, layout);
        if (frozen is null)
        {
            return;
        }

        for (int k = 0; k < weights.Length; k++)
        {
            if (frozen[k])
            {
                weights[k] = global[k];
            }
        }
    }
}
