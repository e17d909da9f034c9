using FedSec.Aggregation;
using FedSec.Stages;

namespace FedSec.Defenses.Crfl;

/// <summary>
/// CRFL's training-time defense (Xie, Chen, Chen and Li, "CRFL: certifiably robust federated learning against
/// backdoor attacks", ICML 2021): after aggregation the global model's trainable parameters are clipped to L2 norm
/// ρ_t (the paper's schedule per data set, capped by <c>clip_threshold</c>), then N(0, σ²) noise is added to them in
/// every round but the last, whose model is released without noise. The noise comes from the experiment's seeded
/// streams. FedML clipped and perturbed buffers (BatchNorm statistics, counters) as well.
/// </summary>
internal sealed class CrflDefense : IAfterAggregationDefense
{
    private readonly CrflOptions _options;

    public CrflDefense(CrflOptions options) => _options = options;

    public float[] DefendAfterAggregation(float[] global, RoundContext context)
    {
        var layout = context.Layout;
        var trainable = layout.AllTrainable ? global : layout.GatherTrainable(global);
        VectorNorms.ClipInPlace(trainable, _options.BoundAt(context.Round));
        if (!context.IsLastRound)
        {
            GaussianNoise.AddTo(trainable, _options.Sigma, b => context.Seeds.Random($"crfl#{b}", context.Round));
        }

        if (!layout.AllTrainable)
        {
            layout.ScatterTrainable(trainable, global);
        }

        return global;
    }
}
