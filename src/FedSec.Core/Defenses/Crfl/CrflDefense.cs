using System.Globalization;
using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.Crfl;

/// <summary>
/// CRFL's training-time defense (Xie, Chen, Chen and Li, "CRFL: certifiably robust federated learning against
/// backdoor attacks", ICML 2021): after aggregation the global model's trainable parameters are clipped to L2 norm
/// ρ_t (the paper's schedule per data set, capped by <c>clip_threshold</c>), then N(0, σ²) noise is added to them in
/// every round but the last, whose model is released without noise. The noise comes from the experiment's seeded
/// streams. FedML clipped and perturbed buffers (BatchNorm statistics, counters) as well. The bound and σ are absolute,
/// tuned for the CRFL paper's models: before the run it warns when the initial model is far above the first bound or the
/// noise's norm σ·√d exceeds it.
/// </summary>
internal sealed class CrflDefense(CrflOptions options) : IAfterAggregationDefense, IChecksInitialModel
{
    public float[] DefendAfterAggregation(float[] global, RoundContext context)
    {
        var layout = context.Layout;
        var trainable = layout.AllTrainable ? global : layout.GatherTrainable(global);
        VectorNorms.ClipInPlace(trainable, options.BoundAt(context.Round));
        if (!context.IsLastRound)
        {
            GaussianNoise.AddTo(trainable, options.Sigma, b => context.Seeds.Random($"crfl#{b}", context.Round));
        }

        if (!layout.AllTrainable)
        {
            layout.ScatterTrainable(trainable, global);
        }

        return global;
    }

    public IEnumerable<string> CheckInitialModel(ReadOnlySpan<float> initialGlobal, ParameterLayout layout, int totalRounds)
    {
        var warnings = new List<string>();
        var trainable = layout.GatherTrainable(initialGlobal);
        double norm = VectorNorms.L2(trainable);
        double bound = options.BoundAt(0);
        string schedule = options.Schedule is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"rho_t = {s.Slope:0.###}t + {s.Intercept:0.###}")
            : "clip_threshold";
        if (norm > 2 * bound)
        {
            warnings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"crfl: the initial model's trainable norm is {norm:0.##} but the norm bound of round 1 is {bound:0.##} ({schedule}): CRFL shrinks the model by {bound / norm:0.##}x, which can stop it learning (a clipped FedML cnn stays at chance on MNIST). The schedule was tuned for the CRFL paper's models: set defense_args.norm_bound_intercept (and norm_bound_slope) to fit this one, e.g. norm_bound_intercept: {Math.Ceiling(2 * norm)}."));
        }

        double noise = options.Sigma * Math.Sqrt(trainable.Length);
        // The schedule never decreases, so round 1's bound is the tightest the noise meets (no noise in the last round).
        if (totalRounds > 1 && noise > bound)
        {
            warnings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"crfl: the N(0, sigma^2) noise on the model's {trainable.Length:N0} trainable parameters has norm about sigma*sqrt(d) = {noise:0.##}, {noise / bound:0.#}x the norm bound the model is clipped to in round 1 ({bound:0.##}): the noise swamps the model. Lower defense_args.sigma (below {bound / Math.Sqrt(trainable.Length):0.####} keeps it under the bound) or raise the bound."));
        }

        return warnings;
    }
}
