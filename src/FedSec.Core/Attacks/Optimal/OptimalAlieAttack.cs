using FedSec.Aggregation;
using FedSec.Attacks.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.Optimal;

/// <summary>
/// ByzFL's optimal "A little is enough" (Allouah et al.'s benchmark, after Baruch, Baruch and Goldberg, NeurIPS 2019):
/// every malicious client sends μ − z·σ of the benign deltas, as <c>alie</c>, with z ≥ 0 chosen each round by a line
/// search (<see cref="ScaleSearch"/>) maximising ‖aggregate − μ‖ under the configured defenses, which the attack reads
/// through <see cref="RoundContext.DefendedAggregate"/>: an omniscient attacker that knows the defense in use. The
/// chosen z is reported as the round metric <c>optimal_scale</c>.
/// </summary>
internal sealed class OptimalAlieAttack(OptimalOptions options) : IModelPoisoningAttack, IControlsClients
{
    public MaliciousClientSpec MaliciousClients => new(options.ClientNum);

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var view = new RoundView(updates, context);
        if (view.Malicious.Count == 0)
        {
            return updates;
        }

        var reference = view.ReferenceDeltas();
        var mean = WeightedMean.Unweighted(reference);
        var std = CoordinateStandardDeviation.Of(reference, mean);
        var (result, z) = ScaleSearch.Attack(view, context, options, z =>
        {
            var forged = new float[mean.Length];
            for (int j = 0; j < forged.Length; j++)
            {
                forged[j] = (float)(mean[j] - (z * std[j]));
            }

            return forged;
        });
        context.Metrics["optimal_scale"] = z;
        return result;
    }
}
