using FedSec.Aggregation;
using FedSec.Stages;

namespace FedSec.Defenses.WeakDp;

/// <summary>
/// Weak differential privacy (Sun, Kairouz, Suresh and McMahan, "Can you really backdoor federated learning?", 2019):
/// Gaussian noise N(0, σ²) added to every trainable parameter of the new global model. The paper pairs it with
/// norm-difference clipping of the updates; in FedSec that is <c>norm_diff_clipping</c> listed before it in the same
/// chain. The noise comes from the experiment's seeded streams (one per round and block of 65 536 parameters).
/// FedML added the noise to each client's model instead, and never called it.
/// </summary>
internal sealed class WeakDpDefense(WeakDpOptions options) : IAfterAggregationDefense
{
    public float[] DefendAfterAggregation(float[] global, RoundContext context)
    {
        var layout = context.Layout;
        var trainable = layout.AllTrainable ? global : layout.GatherTrainable(global);
        GaussianNoise.AddTo(trainable, options.Stddev, b => context.Seeds.Random($"weak_dp#{b}", context.Round));
        if (!layout.AllTrainable)
        {
            layout.ScatterTrainable(trainable, global);
        }

        return global;
    }
}
