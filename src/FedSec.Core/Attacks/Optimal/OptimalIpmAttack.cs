using System.Numerics.Tensors;
using FedSec.Aggregation;
using FedSec.Attacks.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.Optimal;

/// <summary>
/// ByzFL's optimal inner-product manipulation (after Xie, Koyejo and Gupta, UAI 2020): every malicious client sends
/// −ε·μ, μ the mean of the benign deltas, as <c>ipm</c>, with ε ≥ 0 chosen each round by a line search
/// (<see cref="ScaleSearch"/>) maximising ‖aggregate − μ‖ under the configured defenses, which the attack reads through
/// <see cref="RoundContext.DefendedAggregate"/>. The chosen ε is reported as the round metric <c>optimal_scale</c>.
/// </summary>
internal sealed class OptimalIpmAttack(OptimalOptions options) : IModelPoisoningAttack, IControlsClients
{
    public MaliciousClientSpec MaliciousClients => new(options.ClientNum);

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var view = new RoundView(updates, context);
        if (view.Malicious.Count == 0)
        {
            return updates;
        }

        var mean = WeightedMean.Unweighted(view.ReferenceDeltas());
        var (result, epsilon) = ScaleSearch.Attack(view, context, options, e =>
        {
            var forged = new float[mean.Length];
            TensorPrimitives.Multiply(mean, (float)-e, forged);
            return forged;
        });
        context.Metrics["optimal_scale"] = epsilon;
        return result;
    }
}
