using FedSec.Aggregation;
using FedSec.Attacks.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.Ipm;

/// <summary>
/// Inner-product manipulation (Xie, Koyejo and Gupta, "Fall of empires: breaking Byzantine-tolerant SGD by inner
/// product manipulation", UAI 2020). Every malicious client sends the delta −ε·μ, μ the mean of the round's benign
/// deltas, i.e. the weights G − ε·μ: the aggregate's inner product with the true descent direction turns negative
/// for a large ε against the mean, and a small ε slips through median- and Krum-type rules.
/// </summary>
internal sealed class IpmAttack(IpmOptions options) : IModelPoisoningAttack, IControlsClients
{
    public MaliciousClientSpec MaliciousClients => new(options.ClientNum);

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var view = new RoundView(updates, context);
        if (view.Malicious.Count == 0)
        {
            return updates;
        }

        var delta = WeightedMean.Unweighted(view.ReferenceDeltas());
        System.Numerics.Tensors.TensorPrimitives.Multiply(delta, (float)-options.Epsilon, delta);
        return view.ReplaceMalicious(i => view.WithDelta(i, delta));
    }
}
